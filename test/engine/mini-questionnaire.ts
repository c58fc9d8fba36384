import type { Questionnaire } from "../../src/model/questionnaire.js";

const levels = {
  "0": { id: "Tidak ada", en: "None" },
  "1": { id: "Dirintis", en: "Started" },
  "2": { id: "Berjalan sebagian", en: "Partly running" },
  "3": { id: "Berjalan", en: "Running" },
  "4": { id: "Berjalan dan dievaluasi", en: "Running and evaluated" },
};
const t = (id: string, en: string) => ({ id, en });

/**
 * A small questionnaire with the smart-city shape (every question kind, two profiles, pillars)
 * so engine and report tests do not depend on the shipped instruments.
 */
export const miniQuestionnaire: Questionnaire = {
  id: "mini-city",
  version: "1.0",
  title: t("Evaluasi Mini Kota Cerdas", "Mini Smart City Evaluation"),
  scale: { min: 0, max: 4 },
  pillars: [
    { id: "governance", title: t("Tata Kelola Cerdas", "Smart Governance") },
    { id: "economy", title: t("Ekonomi Cerdas", "Smart Economy") },
    { id: "environment", title: t("Lingkungan Cerdas", "Smart Environment") },
  ],
  elements: [
    {
      id: "baseline",
      title: t("Baseline", "Baseline"),
      questions: [
        { id: "bl-01", kind: "level", text: t("Masterplan berdasar hukum", "Masterplan has a legal basis"), levels },
        { id: "bl-02", kind: "level", text: t("Dewan Smart City rapat", "Council met"), levels },
        {
          id: "bl-03",
          kind: "count",
          text: t("Jumlah program berjalan", "Programmes that ran"),
          thresholds: [
            { at: 1, level: 1 },
            { at: 3, level: 2 },
            { at: 6, level: 3 },
            { at: 10, level: 4 },
          ],
        },
      ],
    },
    {
      id: "outcome",
      title: t("Hasil", "Outcome"),
      questions: [
        {
          id: "oc-01",
          kind: "level",
          text: t("Program tata kelola berjalan", "Governance programme runs"),
          pillar: "governance",
          levels,
        },
        {
          id: "oc-02",
          kind: "level",
          text: t("Program ekonomi berjalan", "Economy programme runs"),
          pillar: "economy",
          levels,
        },
        {
          id: "oc-03",
          kind: "percent",
          text: t("Persentase penduduk miskin", "Share of poor population"),
          pillar: "economy",
          direction: "descending",
          thresholds: [
            { at: 20, level: 1 },
            { at: 15, level: 2 },
            { at: 10, level: 3 },
            { at: 5, level: 4 },
          ],
        },
      ],
    },
    {
      id: "impact",
      title: t("Dampak", "Impact"),
      questions: [
        {
          id: "im-01",
          kind: "survey",
          text: t("Layanan daring", "Service is online"),
          pillar: "governance",
          respondents: 50,
        },
        {
          id: "im-02",
          kind: "survey",
          text: t("Layanan transparan", "Service is transparent"),
          pillar: "governance",
          respondents: 50,
        },
      ],
    },
    {
      id: "quick-win",
      title: t("Quick Win", "Quick Win"),
      questions: [
        { id: "qw-01", kind: "level", text: t("Inovasi dirancang bersama", "Designed with stakeholders"), levels },
        { id: "qw-02", kind: "level", text: t("Manfaat dirasakan", "Benefit felt"), levels },
      ],
    },
    {
      id: "collaboration",
      title: t("Program Kolaborasi", "Collaboration"),
      questions: [
        { id: "co-01", kind: "level", text: t("Program bersama", "Joint programme"), pillar: "environment", levels },
      ],
    },
  ],
  profiles: [
    {
      id: "reguler",
      title: t("Reguler", "Regular"),
      weights: { baseline: 10, outcome: 30, impact: 30, "quick-win": 30 },
    },
    {
      id: "kppn-ikn",
      title: t("KPPN & IKN", "KPPN & IKN"),
      weights: { baseline: 10, outcome: 20, impact: 20, "quick-win": 30, collaboration: 20 },
    },
  ],
  defaultProfile: "reguler",
};
