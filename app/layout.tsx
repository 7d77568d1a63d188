import type { Metadata } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import "./globals.css";

const inter = localFont({ src: "./inter-latin-wght-normal.woff2", variable: "--font-inter", display: "swap" });

export const metadata: Metadata = {
  title: { default: "Virtual School Attendance", template: "%s · Virtual School Attendance" },
  description: "Attendance of children with a social worker, for virtual school heads.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, the not-found page too: a page built ahead of time has no
  // nonce on its scripts, and the content security policy (proxy.ts) would block them.
  await connection();
  return (
    <html lang="en-GB" className={inter.variable}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
