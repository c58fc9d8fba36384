/**
 * exceljs, loaded only when a command needs it (survey, XLSX reports): it is large, and the other commands
 * must not pay for it at start-up.
 */
export async function loadExcel() {
  const module = await import("exceljs");
  return module.default;
}
