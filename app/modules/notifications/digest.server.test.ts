import { describe, expect, it } from "vitest";
import { digestMail, type DigestItem } from "./digest.server";

const to = { userId: "u1", email: "ada@example.test", name: "Ada <Lovelace>" };
const item = (kind: DigestItem["kind"], title: string, link: string): DigestItem => ({ kind, title, link, createdAt: new Date(0) });

describe("digestMail", () => {
  const mail = digestMail(to, [
    item("mention", "Bo mentioned you on A & B", "/documents/a#thread-1"),
    item("reply", "Cy replied on A", "/documents/a#thread-2"),
    item("reply", "Di replied on C", "/documents/c#thread-3"),
  ]);

  it("is one message with every item linked, in text and HTML", () => {
    expect(mail.to).toBe("ada@example.test");
    expect(mail.subject).toBe("Your Concord digest: 3 notifications");
    for (const link of ["/documents/a#thread-1", "/documents/a#thread-2", "/documents/c#thread-3"]) {
      expect(mail.text).toContain(`http://localhost:3000${link}`);
      expect(mail.html).toContain(`href="http://localhost:3000${link}"`);
    }
    // Names and titles are escaped in HTML.
    expect(mail.html).toContain("Hello Ada &#60;Lovelace&#62;");
    expect(mail.html).toContain("Bo mentioned you on A &#38; B");
  });

  it("has an unsubscribe link per kind, the settings link, and List-Unsubscribe for the biggest group", () => {
    expect(mail.text).toMatch(/Stop e-mails for "You are mentioned": .*token=u1\.mention\./);
    expect(mail.text).toMatch(/Stop e-mails for "A reply in a thread you are in": .*token=u1\.reply\./);
    expect(mail.text).toContain("http://localhost:3000/notifications/settings");
    expect(mail.html).toContain('href="http://localhost:3000/notifications/settings"');
    expect(mail.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/notifications\/unsubscribe\?token=u1\.reply\..+>$/);
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    // Replies (two) come before the mention (one).
    expect(mail.text.indexOf("A reply in a thread")).toBeLessThan(mail.text.indexOf("You are mentioned"));
  });
});
