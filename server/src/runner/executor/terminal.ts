/**
 * Text bound for a terminal. A response body, a header or a file name can hold escape sequences that set the
 * window title, clear the screen, move the cursor or (on some terminals) answer back into the input; printed
 * raw, the server or the file's author controls the user's terminal. Control characters are shown as
 * `\u001b`-style escapes instead; line breaks and tabs stay (they are the layout) unless `keepLayout` is false.
 */

// C0 controls except tab and line feed, DEL, and the C1 controls (U+0080–U+009F; U+009B alone is a CSI).
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const ALL_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` with its control characters escaped (`\u001b`); `\n` and `\t` kept unless `keepLayout` is false. */
export function escapeControls(text: string, keepLayout = true): string {
  const pattern = keepLayout ? CONTROLS : ALL_CONTROLS;
  return text.replace(pattern, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
