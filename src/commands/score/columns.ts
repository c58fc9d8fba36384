import type { ResultSummary } from "../../engine/summary.js";
import type { Text } from "../../model/common.js";

export interface ElementColumn {
  id: string;
  title?: Text;
}

/**
 * The element columns of a ranking: every element of every result, in questionnaire order,
 * new ones appended as they first appear. Same inputs, same columns.
 */
export function elementColumns(results: readonly ResultSummary[], titles: ReadonlyMap<string, Text>): ElementColumn[] {
  const seen = new Set<string>();
  const columns: ElementColumn[] = [];
  for (const result of results) {
    for (const element of result.elements) {
      if (seen.has(element.id)) continue;
      seen.add(element.id);
      const title = titles.get(element.id);
      columns.push({ id: element.id, ...(title ? { title } : {}) });
    }
  }
  return columns;
}
