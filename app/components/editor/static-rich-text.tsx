/**
 * The stored content as the server rendered it (first-paint.ts), shown until the live editor has
 * mounted in its place. The HTML comes from the static renderer, never from a client.
 */
export function StaticRichText({ html, placeholder }: { html: string; placeholder: string }) {
  if (html === "") {
    return (
      <div className="rich-text rich-text--static">
        <p className="rich-text__placeholder">{placeholder}</p>
      </div>
    );
  }
  return <div className="rich-text rich-text--static" dangerouslySetInnerHTML={{ __html: html }} />;
}
