import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseForm } from "./parse-form";

const schema = z.object({
  name: z.string().trim().min(1, "Enter your name"),
  email: z.email("Enter a valid email"),
  password: z.string().min(10, "Use at least 10 characters"),
});

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
}

describe("parseForm", () => {
  it("returns parsed data when valid", () => {
    const result = parseForm(schema, form({ name: " Ada ", email: "ada@example.com", password: "0123456789" }));
    expect(result).toEqual({ ok: true, data: { name: "Ada", email: "ada@example.com", password: "0123456789" } });
  });

  it("returns one message per field and the values typed, without the password", () => {
    const result = parseForm(schema, form({ name: "", email: "nope", password: "short" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      name: "Enter your name",
      email: "Enter a valid email",
      password: "Use at least 10 characters",
    });
    expect(result.values).toEqual({ name: "", email: "nope" });
  });
});
