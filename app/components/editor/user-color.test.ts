import { describe, expect, it } from "vitest";
import { colorForUser, initialsOf, USER_COLORS } from "~/components/editor/user-color";

/** WCAG relative luminance and contrast, to hold the palette to white text at 4.5:1. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe("colorForUser", () => {
  it("gives one user the same colour every time", () => {
    expect(colorForUser("user_abc123")).toBe(colorForUser("user_abc123"));
  });

  it("spreads different users over the palette", () => {
    const colours = new Set(Array.from({ length: 200 }, (_, index) => colorForUser(`user-${index}`)));
    expect(colours.size).toBe(USER_COLORS.length);
  });

  it("only uses #rrggbb colours (the caret extension drops anything else) readable under white text", () => {
    for (const colour of USER_COLORS) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("initialsOf", () => {
  it.each([
    ["Ada Lovelace", "AL"],
    ["  grace   brewster murray hopper ", "GH"],
    ["Q", "Q"],
    ["", "?"],
  ])("%j → %s", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
