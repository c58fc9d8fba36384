/**
 * exceljs, loaded only when a survey command needs it: it is large, and the other commands
 * must not pay for it at start-up.
 */
export async function loadExcel() {
  const module = await import("exceljs");
  return module.default;
}
