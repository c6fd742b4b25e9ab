/**
 * Who leads a project, as the public progress page says it: their role, else `unnamed` (the
 * reader's words for "Project lead"). Never the owner's name: it is free text with no age band,
 * so it may be a young person's full name, and the public page is for anyone. Takes only the role,
 * so the name cannot reach the page through here.
 */
export function publicLead(project: { ownerRole: string }, unnamed: string): string {
  return project.ownerRole.trim() || unnamed;
}
