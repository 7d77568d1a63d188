export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-4">There is nothing at this address, or you do not have access to it.</p>
    </main>
  );
}
