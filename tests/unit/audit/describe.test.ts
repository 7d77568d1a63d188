import { describe, expect, it } from "vitest";
import { actionLabel } from "@/lib/audit/describe";
import { auditFilterSchema } from "@/lib/schemas/audit";

describe("actionLabel", () => {
  it("labels each target action as its own", () => {
    expect(actionLabel("target.save", { change: "created", academicYear: 2030 })).toBe("Saved a target");
    expect(actionLabel("target.save", { change: "updated" })).toBe("Saved a target");
    expect(actionLabel("target.delete", { academicYear: 2030 })).toBe("Deleted a target");
    expect(actionLabel("target.copy", { fromYear: 2029, academicYear: 2030, copied: 2, skipped: 0 })).toBe("Copied targets");
  });

  it("labels an older target.save entry that was really a delete or a copy by its change", () => {
    expect(actionLabel("target.save", { change: "deleted", academicYear: 2030 })).toBe("Deleted a target");
    expect(actionLabel("target.save", { change: "copied", fromYear: 2029 })).toBe("Copied targets");
    expect(actionLabel("target.save", null)).toBe("Saved a target");
    expect(actionLabel("target.save", { change: "toString" })).toBe("Saved a target");
  });

  it("shows an action it does not know as its code", () => {
    expect(actionLabel("auth.signin")).toBe("Signed in");
    expect(actionLabel("something.old")).toBe("something.old");
    expect(actionLabel("toString")).toBe("toString");
  });
});

describe("the audit log's action filter", () => {
  it("accepts the target actions", () => {
    for (const action of ["target.save", "target.delete", "target.copy"]) {
      expect(auditFilterSchema.parse({ action }).action).toBe(action);
    }
  });
});
