"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { FormAction } from "@/app/(organiser)/use-kept-form";
import { CountedInput } from "@/app/ui/counted-input";
import { titleInWords } from "@/lib/boards/board-words";
import type { BoardSummary } from "@/lib/boards/find-boards";
import { type BoardTemplate, offeredTemplates } from "@/lib/boards/templates";
import { useConnection } from "@/lib/realtime/client/react";
import { refusalOf } from "@/lib/realtime/client/refusal";
import { useVoting } from "@/lib/realtime/client/use-voting";
import type { RoomView, WallChoice } from "@/lib/realtime/contract";
import type { ConsoleFormState } from "./actions";
import { isOnScreen, quickVote, useRoomCommand } from "./room-controls";

const small = "btn btn-secondary min-h-10 px-3 py-1 text-sm";
const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

/**
 * One board, once: what it is and its state at a glance, the actions a facilitator reaches for
 * (the big screen, the board itself, its vote), and the rest behind "More", a <details> that
 * opens without JavaScript.
 */
function BoardRow({
  board,
  slug,
  wall,
  show,
  roomLocked,
}: {
  board: BoardSummary;
  slug: string;
  wall: RoomView["wall"] | null;
  show: (choice: WallChoice) => void;
  roomLocked: boolean;
}) {
  const t = useTranslations("console.boards");
  const templateWords = useTranslations("templates");
  const { run, message } = useRoomCommand();
  const voting = useVoting(board.id);
  const round = voting.round;
  const title = titleInWords(board, templateWords);
  const boardShown = wall ? isOnScreen(wall, { kind: "board", boardId: board.id }) : false;
  const votesShown = wall ? isOnScreen(wall, { kind: "votes", boardId: board.id }) : false;
  const hidden = board.hiddenUntilReveal && !board.revealed;
  const status = round?.status === "open" ? t("voteOpen") : round?.status === "closed" ? t("voteClosed") : null;
  // Facts about the board, each said whole, listed with the house's "·".
  const facts = [
    board.teamId === null ? t("wholeRoom") : t("team", { team: board.teamName ?? "" }),
    t("notes", { count: board.notes }),
    ...(board.locked ? [t("locked")] : []),
    ...(hidden ? [t("hidden")] : board.hiddenUntilReveal ? [t("revealed")] : []),
  ];
  return (
    <li className="relative space-y-1 px-3 py-2 sm:has-[details[open]]:pb-16" data-testid="board-row">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <div className="min-w-0 flex-1 basis-56">
          <p className="break-words font-semibold">
            {title}
            {boardShown || votesShown ? (
              <span className="ms-2 rounded-full bg-brand-soft px-2 py-0.5 text-xs font-bold text-brand-dark">
                {boardShown ? t("onScreen") : t("votesOnScreen")}
              </span>
            ) : null}
          </p>
          <p className="break-words text-sm text-ink-soft">
            {facts.join(" · ")}
            {status ? (
              <span className="font-semibold text-ink" data-testid="quick-vote-status">
                {" "}
                · {status}
                {voting.tally ? ` · ${t("voted", { count: voting.tally.voters })}` : ""}
              </span>
            ) : null}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2" data-testid="board-quick-controls">
          <button
            type="button"
            aria-pressed={boardShown}
            disabled={roomLocked}
            className={boardShown ? "btn btn-primary min-h-10 px-3 py-1 text-sm" : small}
            onClick={() => show({ kind: "board", boardId: board.id })}
          >
            {t.rich("show", { title, sr })}
          </button>
          <Link href={`/f/${slug}/b/${board.id}`} className={small}>
            {t.rich("open", { title, sr })}
          </Link>
          <button
            type="button"
            aria-pressed={board.locked}
            className={board.locked ? "btn btn-primary min-h-10 px-3 py-1 text-sm" : small}
            onClick={() => void run("board:update", { boardId: board.id, locked: !board.locked })}
          >
            {t.rich(board.locked ? "unlock" : "lock", { title, sr })}
          </button>
          {!round || round.status === "revealed" ? (
            <button type="button" className={small} onClick={() => void voting.open(quickVote)}>
              {t.rich("openVote", { title, sr })}
            </button>
          ) : round.status === "open" ? (
            <button type="button" className={small} onClick={() => void voting.close()}>
              {t.rich("closeVote", { title, sr })}
            </button>
          ) : (
            <button type="button" className={small} onClick={() => void voting.reveal()}>
              {t.rich("revealVotes", { title, sr })}
            </button>
          )}
          {hidden ? (
            <button type="button" className={small} onClick={() => void run("board:reveal", { boardId: board.id })}>
              {t.rich("revealNotes", { title, sr })}
            </button>
          ) : null}
          {/* The extra actions open in room the row makes below itself, so the row's buttons stay put
              and nothing covers the next row. */}
          <details className="group" data-testid="board-more">
            <summary className={`${small} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
              {t.rich("more", { title, sr })}
              <span aria-hidden="true" className="ms-1 inline-block transition-transform group-open:rotate-180">
                ▾
              </span>
            </summary>
            <div className="mt-2 flex flex-wrap gap-2 rounded-lg bg-paper p-2 sm:absolute sm:end-3 sm:bottom-2 sm:mt-0">
              <button
                type="button"
                aria-pressed={votesShown}
                disabled={roomLocked}
                className={votesShown ? "btn btn-primary min-h-10 px-3 py-1 text-sm" : small}
                onClick={() => show({ kind: "votes", boardId: board.id })}
              >
                {t.rich("showVotes", { title, sr })}
              </button>
              <Link href={`/s/${slug}/b/${board.id}`} target="_blank" className={small}>
                {t.rich("project", { title, sr })}
              </Link>
            </div>
          </details>
        </div>
      </div>
      {message || voting.message ? (
        <p role="alert" className="field-error mt-0 text-sm">
          {message ?? voting.message}
        </p>
      ) : null}
    </li>
  );
}

/**
 * Every board of the event, each once with its controls, and a form to start a new one from a
 * template. `room` is null until the room's state arrives; `nudge`: invite phones to what is shown.
 */
export function BoardsPanel({
  slug,
  boards,
  teams,
  room,
  roomLocked,
  nudge,
  action,
}: {
  slug: string;
  boards: BoardSummary[];
  teams: { id: string; name: string }[];
  room: RoomView | null;
  roomLocked: boolean;
  nudge: boolean;
  /** createBoardAction, bound by the page: the form posted before the console is live. */
  action: FormAction<ConsoleFormState>;
}) {
  const t = useTranslations("console.boards");
  const templateWords = useTranslations("templates");
  const connection = useConnection();
  const screen = useRoomCommand();
  const show = (choice: WallChoice) => void screen.run("screen:show", { wall: choice, nudge });
  const router = useRouter();
  // Posted before the console was live and refused: the page comes back with what was typed.
  const [posted, formAction] = useActionState(action, {});
  const typed = posted.values ?? {};
  const [title, setTitle] = useState(typed.title ?? "");
  const [template, setTemplate] = useState<BoardTemplate>(
    offeredTemplates.some((o) => o.key === typed.template) ? (typed.template as BoardTemplate) : "ideas",
  );
  const [teamId, setTeamId] = useState(typed.teamId ?? "");
  const [columns, setColumns] = useState(typed.columns ?? "");
  const [error, setError] = useState<string | null>(posted.message ?? null);

  const create = async (e: React.FormEvent) => {
    // Not live yet: the form goes to its server action, which sends the same command.
    if (!connection) return;
    e.preventDefault();
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
      return setError(refusalOf(ack));
    }
    setTitle("");
    setColumns("");
    router.push(`/f/${slug}/b/${ack.result.board.id}`);
  };

  return (
    <section id="boards" aria-labelledby="boards-title" className="card scroll-mt-20 space-y-4 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="boards-title" className="text-lg font-bold">
          {t("title")}
        </h2>
        <p className="text-sm text-ink-soft" data-testid="boards-count">
          {t("count", { boards: boards.length, room: boards.filter((b) => b.teamId === null).length })}
        </p>
      </div>
      {boards.length === 0 ? (
        <p className="text-ink-soft">{t("empty")}</p>
      ) : (
        // Long lists scroll here, not the page: the sections below stay a click away. Every row has
        // buttons, so tabbing through them scrolls the list too.
        <ul
          className="max-h-[min(34rem,70vh)] divide-y divide-line overflow-y-auto rounded-xl ring-1 ring-line"
          data-testid="board-list"
        >
          {boards.map((b) => (
            <BoardRow key={b.id} board={b} slug={slug} wall={room?.wall ?? null} show={show} roomLocked={roomLocked} />
          ))}
        </ul>
      )}
      {screen.message ? (
        <p role="alert" className="field-error">
          {screen.message}
        </p>
      ) : null}
      <form action={formAction} onSubmit={create} className="space-y-3 rounded-xl bg-paper p-3" noValidate>
        <h3 className="font-bold">{t("new.title")}</h3>
        <div>
          <label htmlFor="board-title" className="field-label">
            {t("new.titleLabel")}
          </label>
          <CountedInput
            id="board-title"
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={80}
            className="field-input"
          />
        </div>
        <div className="grid gap-3 sm:grid-cols-[repeat(auto-fit,minmax(12rem,1fr))]">
          <div>
            <label htmlFor="board-template" className="field-label">
              {t("new.template")}
            </label>
            <select
              id="board-template"
              name="template"
              value={template}
              onChange={(e) => setTemplate(e.target.value as typeof template)}
              className="field-input"
            >
              {offeredTemplates.map(({ key }) => (
                <option key={key} value={key}>
                  {templateWords(`${key}.label`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="board-team" className="field-label">
              {t("new.for")}
            </label>
            <select
              id="board-team"
              name="teamId"
              value={teamId}
              onChange={(e) => setTeamId(e.target.value)}
              className="field-input"
            >
              <option value="">{t("new.wholeRoom")}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {t("new.team", { team: team.name })}
                </option>
              ))}
            </select>
          </div>
        </div>
        {template === "blank" ? (
          <div>
            <label htmlFor="board-columns" className="field-label">
              {t("new.columns")}
            </label>
            <span id="board-columns-hint" className="field-hint">
              {t("new.columnsHint")}
            </span>
            <input
              id="board-columns"
              name="columns"
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
          {t("new.create")}
        </button>
      </form>
    </section>
  );
}
