/** The date every entry of a written workbook carries (the zip format stores one per file). */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/**
 * The same zip (an .xlsx) with every entry dated FIXED_DATE. exceljs stamps each entry with the
 * time of writing, so the same input would give different bytes on each run; reports must not.
 */
export async function withFixedZipDates(bytes: Uint8Array): Promise<Uint8Array> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  zip.forEach((_path, entry) => {
    entry.date = FIXED_DATE;
  });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
