/** The languages of every text and screen, Indonesian first. No zod here: commands' --help declarations import it. */
export const languages = ["id", "en"] as const;
