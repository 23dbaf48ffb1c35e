// Report stage: lower-cases the first letter of a name, for a name inside a sentence ("Tỷ lệ hộ nghèo" -> "tỷ lệ hộ nghèo").

/** Lower-cases the first letter (Vietnamese rules), for a name inside a sentence. */
export function lowerFirst(text: string): string {
  return text ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text;
}
