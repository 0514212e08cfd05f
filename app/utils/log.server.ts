/** One-line structured-enough logs for operators; JSON lines would be the next step. */
function line(level: string, message: string, detail?: unknown) {
  const text = `${new Date().toISOString()} ${level} ${message}`;
  if (detail === undefined) return text;
  if (detail instanceof Error) return `${text} ${detail.stack ?? detail.message}`;
  return `${text} ${JSON.stringify(detail)}`;
}

export const log = {
  info: (message: string, detail?: unknown) => console.log(line("info", message, detail)),
  warn: (message: string, detail?: unknown) => console.warn(line("warn", message, detail)),
  error: (message: string, detail?: unknown) => console.error(line("error", message, detail)),
};
