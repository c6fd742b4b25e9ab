"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BoardSummary } from "@/lib/boards/find-boards";
import { type BoardTemplate, offeredTemplates } from "@/lib/boards/templates";
import { plural } from "@/lib/plural";
import { useConnection } from "@/lib/realtime/client/react";

/** Every board of the event, and a form to start a new one from a template. */
export function BoardsPanel({
  slug,
  boards,
  teams,
}: {
  slug: string;
  boards: BoardSummary[];
  teams: { id: string; name: string }[];
}) {
  const connection = useConnection();
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [template, setTemplate] = useState<BoardTemplate>("ideas");
  const [teamId, setTeamId] = useState("");
  const [columns, setColumns] = useState("");
  const [error, setError] = useState<string | null>(null);

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!connection) return;
    setError(null);
    const sent = connection.send("board:create", {
      title,
      template,
      teamId: teamId || null,
      columns:
        template === "blank"
          ? columns
              .split(",")
              .map((c) => c.trim())
              .filter(Boolean)
          : [],
    });
    const ack = await sent.done;
    if (!ack.ok) {
      connection.dismiss(sent.id); // the form keeps what was typed; the outbox need not
      return setError(ack.error.issues?.[0]?.message ?? ack.error.message);
    }
    setTitle("");
    setColumns("");
    router.push(`/f/${slug}/b/${ack.result.board.id}`);
  };

  return (
    <section aria-labelledby="boards-title" className="card space-y-5 p-5">
      <h2 id="boards-title" className="text-lg font-bold">
        Boards
      </h2>
      <ul className="divide-y divide-line rounded-xl ring-1 ring-line">
        {boards.map((b) => (
          <li key={b.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="board-row">
            <div>
              <p className="font-semibold">{b.title}</p>
              <p className="text-sm text-ink-soft">
                {b.teamId === null ? "Whole room" : `Team: ${b.teamName ?? ""}`} · {plural(b.notes, "note")}
                {b.locked ? " · locked" : ""}
              </p>
            </div>
            <div className="flex gap-2">
              <Link href={`/f/${slug}/b/${b.id}`} className="btn btn-secondary min-h-10 py-2">
                Open<span className="sr-only"> {b.title}</span>
              </Link>
              <Link href={`/s/${slug}/b/${b.id}`} target="_blank" className="btn btn-secondary min-h-10 py-2">
                Project ↗<span className="sr-only"> {b.title}</span>
              </Link>
            </div>
          </li>
        ))}
      </ul>
      <form onSubmit={create} className="space-y-3 rounded-xl bg-paper p-4" noValidate>
        <h3 className="font-bold">Start a new board</h3>
        <div>
          <label htmlFor="board-title" className="field-label">
            Title
          </label>
          <input
            id="board-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={80}
            className="field-input"
          />
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="board-template" className="field-label">
              Template
            </label>
            <select
              id="board-template"
              value={template}
              onChange={(e) => setTemplate(e.target.value as typeof template)}
              className="field-input"
            >
              {offeredTemplates.map(({ key, label }) => (
                <option key={key} value={key}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="board-team" className="field-label">
              For
            </label>
            <select id="board-team" value={teamId} onChange={(e) => setTeamId(e.target.value)} className="field-input">
              <option value="">The whole room</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  Team: {t.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {template === "blank" ? (
          <div>
            <label htmlFor="board-columns" className="field-label">
              Columns
            </label>
            <span id="board-columns-hint" className="field-hint">
              Separate them with commas, e.g. Now, Next, Later
            </span>
            <input
              id="board-columns"
              aria-describedby="board-columns-hint"
              value={columns}
              onChange={(e) => setColumns(e.target.value)}
              className="field-input"
            />
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary">
          Create board
        </button>
      </form>
    </section>
  );
}
