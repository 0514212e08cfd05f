import { useTranslation } from "react-i18next";
import type { PresentUser } from "~/components/editor/presence";
import { initialsOf } from "~/components/editor/user-color";

/** Avatars of the people who have this document open right now. */
export function PresenceList({ people }: { people: readonly PresentUser[] }) {
  const { t } = useTranslation();
  const others = people.filter((person) => !person.isSelf).length;
  return (
    <div className="presence">
      <ul className="presence__list" aria-label={t("editor.presence.label")}>
        {people.map((person) => (
          <li key={person.id} className="presence__person" title={person.isSelf ? t("editor.presence.you", { name: person.name }) : person.name}>
            <span className="avatar" style={{ backgroundColor: person.color }} aria-hidden="true">
              {initialsOf(person.name)}
            </span>
            <span className="visually-hidden">{person.isSelf ? t("editor.presence.you", { name: person.name }) : person.name}</span>
          </li>
        ))}
      </ul>
      <span className="presence__summary muted">{others === 0 ? t("editor.presence.onlyYou") : t("editor.presence.others", { count: others })}</span>
    </div>
  );
}
