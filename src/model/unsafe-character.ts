/**
 * Characters no text in a file should hold, and that every output shows escaped: C0 and C1
 * control characters, DEL, bidirectional controls, the line and paragraph separators, and lone
 * surrogates. No zod here: the escaping of every screen and the fast answer-file check use it.
 */
export const unsafeCharacter =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|\p{Cs}/u;
