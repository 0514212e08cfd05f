import { describe, expect, it } from "vitest";
import { digestMail, type DigestItem } from "./digest.server";

const to = { userId: "u1", email: "ada@example.test", name: "Ada <Lovelace>", locale: null };
const item = (kind: DigestItem["kind"], who: string, document: string, link: string): DigestItem => ({ kind, title: "", params: { who, document }, link, createdAt: new Date(0) });

describe("digestMail", () => {
  const mail = digestMail(to, [
    item("mention", "Bo", "A & B", "/documents/a#thread-1"),
    item("reply", "Cy", "A", "/documents/a#thread-2"),
    item("reply", "Di", "C", "/documents/c#thread-3"),
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
    expect(mail.text).toMatch(/Stop e-mails for “You are mentioned”: .*token=u1\.mention\./);
    expect(mail.text).toMatch(/Stop e-mails for “A reply in a thread you are in”: .*token=u1\.reply\./);
    expect(mail.text).toContain("http://localhost:3000/notifications/settings");
    expect(mail.html).toContain('href="http://localhost:3000/notifications/settings"');
    expect(mail.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost:3000\/notifications\/unsubscribe\?token=u1\.reply\..+>$/);
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    // Replies (two) come before the mention (one).
    expect(mail.text.indexOf("A reply in a thread")).toBeLessThan(mail.text.indexOf("You are mentioned"));
  });

  it("is written in the person's language", () => {
    const french = digestMail({ ...to, locale: "fr" }, [item("mention", "Bo", "A", "/documents/a#thread-1"), item("reply", "Cy", "A", "/documents/a#thread-2")]);
    expect(french.subject).toBe("Votre résumé Concord : 2 notifications");
    expect(french.text).toContain("Bonjour Ada <Lovelace>,");
    expect(french.text).toContain("Vous êtes mentionné :\n- Bo vous a mentionné dans A");
    expect(french.text).toMatch(/Ne plus recevoir de courriels pour « Vous êtes mentionné » : .*token=u1\.mention\./);
    expect(french.text).toContain("Tous les paramètres des courriels : http://localhost:3000/notifications/settings");
  });
});
