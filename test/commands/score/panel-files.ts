/**
 * fixtures/panel: a region's self-assessment, the five files its assessors wrote with kuesioner
 * verify, and the panel file kuesioner merge made of them: 55 of its 111 questions verified (the
 * Impact survey and two questions the interview did not reach are not), bl-masterplan-legal-basis
 * self-assessed 4 and scored 3, 3, 3, 3, 2 by the panel.
 */
export const panelDir = "fixtures/panel";
export const self = `${panelDir}/kota-sungai-jernih-2023.yaml`;
export const panel = `${panelDir}/kota-sungai-jernih-2023.panel.yaml`;
export const assessorFiles = ["budi-santoso", "citra-lestari", "dewi-anggraini", "dr-ani-wijaya", "eko-prasetyo"].map(
  (n) => `kota-sungai-jernih-2023.verifikasi-${n}.yaml`,
);
/** Published-style answers: some questions hold only the panel's scores, no self-assessment. */
export const published = "fixtures/answers/2023/kota-tirtamulya.yaml";
