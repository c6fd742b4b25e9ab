/** The parts of a project's page, each saved by its own button (../actions.ts, saveProjectPage). */
export const projectParts = ["ownerLink", "ownerEmail", "public", "milestones", "checkIn", "risks"] as const;
