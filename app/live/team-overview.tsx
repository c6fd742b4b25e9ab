"use client";

import { useTranslations } from "next-intl";
import { Fragment, useId, useMemo, useState } from "react";
import { CountedInput } from "@/app/ui/counted-input";
import { useShownName } from "@/app/ui/shown-name";
import { isUnder18 } from "@/lib/participants/profile-facts";
import { useConnection } from "@/lib/realtime/client/react";
import { usePrivateDetails, useTeams } from "@/lib/realtime/client/teams";
import type { CommandPayload, PersonView, TeamView } from "@/lib/realtime/contract";
import { teamFlags, teamMix, whoCanHelp } from "@/lib/teams/team-rules";
import { type ConsoleRoom, useConsoleNames } from "./console-names";
import { MovePerson } from "./move-person";
import { PeopleModeration } from "./people-moderation";

type Variant = "console" | "screen";

function useTeamCommand() {
  const connection = useConnection();
  const [error, setError] = useState<string | null>(null);
  const run = async <N extends "team:create" | "team:update" | "team:split">(name: N, payload: CommandPayload<N>) => {
    if (!connection) return false;
    setError(null);
    const sent = connection.send(name, payload);
    const ack = await sent.done;
    if (!ack.ok) {
      connection.dismiss(sent.id);
      setError(ack.error.message);
    }
    return ack.ok;
  };
  return { run, error };
}

function Flags({ team, members, tone, size }: { team: TeamView; members: PersonView[]; tone: "light" | "dark"; size?: string }) {
  const t = useTranslations("live.teams");
  const flags = teamFlags(team, teamMix(members));
  if (flags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("thingsToNotice")}>
      {flags.map((f) => (
        <li
          key={f.key}
          data-testid="team-flag"
          className={`rounded-full px-3 py-1 font-semibold ${
            tone === "dark" ? `bg-sun text-ink ${size}` : f.key === "full" ? "bg-note-pink text-sm" : "bg-note-yellow text-sm"
          }`}
        >
          {t.has(`flag.${f.key}`) ? t(`flag.${f.key}`) : f.text}
        </li>
      ))}
    </ul>
  );
}

function Mix({
  members,
  tone,
  size,
  skills = true,
}: {
  members: PersonView[];
  tone: "light" | "dark";
  size?: string;
  skills?: boolean;
}) {
  const t = useTranslations("live.teams");
  const kinds = useTranslations("me.form.kind");
  const mix = teamMix(members);
  if (mix.headcount === 0) return null;
  const big = tone === "dark";
  return (
    <div className={`space-y-2 ${big ? size : "text-sm"}`}>
      {mix.kinds.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label={t("kindsLabel")}>
          {mix.kinds.map((k) => (
            <li key={k.key} className={`rounded-full px-3 py-1 ${big ? "bg-white/15" : "bg-brand-soft text-brand-dark"}`}>
              {kinds(k.key)} <span className="font-bold">{k.count}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {skills && mix.skills.length > 0 ? (
        <p className={big ? "text-white/80" : "text-ink-soft"}>
          <span className="sr-only">{t("skillsLabel")}</span>
          {mix.skills
            .slice(0, big ? 3 : 6)
            .map((s) => (s.count > 1 ? t("skillCount", { skill: s.key, count: s.count }) : s.key))
            .join(" · ")}
        </p>
      ) : null}
    </div>
  );
}

function CapacityForm({ team, onSet }: { team: TeamView; onSet: (capacity: number | null) => void }) {
  const t = useTranslations("live.teams");
  const id = useId();
  const [value, setValue] = useState(team.capacity === null ? "" : String(team.capacity));
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = value.trim();
        onSet(trimmed === "" ? null : Number(trimmed));
      }}
    >
      <div className="w-28">
        <label htmlFor={id} className="text-sm font-semibold">
          {t("capacity")}
        </label>
        <input
          id={id}
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value.replace(/[^0-9]/g, ""))}
          placeholder={t("noLimit")}
          aria-label={t("capacityOf", { team: team.name })}
          className="field-input min-h-11 py-1"
        />
      </div>
      <button type="submit" className="btn btn-secondary min-h-11 px-3 text-sm">
        {t("set")}
      </button>
    </form>
  );
}

function RenameForm({
  team,
  onRename,
  onDone,
}: {
  team: TeamView;
  onRename: (name: string) => Promise<boolean>;
  onDone: () => void;
}) {
  const t = useTranslations("live.teams");
  const id = useId();
  const [name, setName] = useState(team.name);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onRename(name)) onDone();
      }}
    >
      <div className="flex-1">
        <label htmlFor={id} className="text-sm font-semibold">
          {t("newNameFor", { team: team.name })}
        </label>
        <CountedInput
          id={id}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={60}
          className="field-input min-h-11 py-1"
        />
      </div>
      <button type="submit" className="btn btn-primary min-h-11 px-3 text-sm">
        {t("save")}
      </button>
      <button type="button" className="btn btn-secondary min-h-11 px-3 text-sm" onClick={onDone}>
        {t("cancel")}
      </button>
    </form>
  );
}

/**
 * How much of a team the big screen shows, and how big: the team wall (team-wall.tsx) takes the
 * roomiest at which every team fits. A name is never cut inside a word; at the tightest, long
 * ones end with an ellipsis after two lines.
 */
export type ScreenDensity = {
  card: string;
  name: string;
  count: string;
  capacity: string;
  people: string;
  /** null: not shown at this size; likewise below. */
  brief: string | null;
  flags: string | null;
  kinds: string | null;
  skills: boolean;
};

export const roomiestOnScreen: ScreenDensity = {
  card: "space-y-3 px-6 py-5",
  name: "text-3xl",
  count: "text-5xl",
  capacity: "text-3xl",
  people: "mt-1 text-lg",
  brief: "text-xl",
  flags: "text-xl",
  kinds: "text-xl",
  skills: true,
};

export function TeamCard({
  team,
  members,
  variant,
  density = roomiestOnScreen,
  nameOf,
}: {
  team: TeamView;
  members: PersonView[];
  variant: Variant;
  density?: ScreenDensity;
  /** How the console names its members (useConsoleNames); the big screen names nobody. */
  nameOf?: (person: PersonView) => string;
}) {
  const t = useTranslations("live.teams");
  const shownName = useShownName();
  const { run, error } = useTeamCommand();
  const [renaming, setRenaming] = useState(false);
  const dark = variant === "screen";
  const titleId = useId();
  return (
    <li
      data-testid="overview-team"
      aria-labelledby={titleId}
      className={dark ? `min-w-0 rounded-2xl bg-stage-raised ${density.card}` : "space-y-3 rounded-xl bg-paper p-4"}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          {/* Hyphenated at syllables, never cut between letters ("Ou r Str eet"), in however narrow a column. */}
          <h3 id={titleId} className={`break-words hyphens-auto font-bold ${dark ? density.name : "text-lg"}`}>
            {team.name}
          </h3>
          {team.briefTitle && team.briefTitle !== team.name && (!dark || density.brief) ? (
            <p className={dark ? `${density.brief} text-white/80` : "text-sm text-ink-soft"}>
              {t("brief", { brief: team.briefTitle })}
            </p>
          ) : null}
        </div>
        <p className="shrink-0 text-end leading-none">
          <span
            className={`font-extrabold tabular-nums ${dark ? `${density.count} text-sun` : "text-3xl"}`}
            data-testid="team-headcount"
          >
            {members.length}
          </span>
          {team.capacity !== null ? (
            <span className={`font-semibold ${dark ? `${density.capacity} text-white/80` : "text-lg text-ink-soft"}`}>
              {" "}
              / {team.capacity}
            </span>
          ) : null}
          <span className={`block font-semibold ${dark ? `${density.people} text-white/80` : "mt-1 text-xs text-ink-soft"}`}>
            {t("peopleWord", { count: members.length })}
          </span>
        </p>
      </div>
      {dark && !density.flags ? null : (
        <Flags team={team} members={members} tone={dark ? "dark" : "light"} size={density.flags ?? undefined} />
      )}
      {dark && !density.kinds ? null : (
        <Mix
          members={members}
          tone={dark ? "dark" : "light"}
          size={density.kinds ?? undefined}
          skills={!dark || density.skills}
        />
      )}
      {variant === "console" ? (
        <>
          {members.length > 0 ? (
            <p className="text-sm" data-testid="team-members">
              <span className="sr-only">{t("membersLabel")}</span>
              {members.map((m, i) => (
                <Fragment key={m.id}>
                  {i > 0 ? ", " : null}
                  <bdi>{nameOf ? nameOf(m) : shownName(m.name)}</bdi>
                </Fragment>
              ))}
            </p>
          ) : null}
          <div className="flex flex-wrap items-end justify-between gap-2 border-t border-line pt-3">
            <CapacityForm
              key={team.capacity ?? "none"}
              team={team}
              onSet={(capacity) => run("team:update", { teamId: team.id, capacity })}
            />
            <button
              type="button"
              className="btn btn-secondary min-h-11 px-3 text-sm"
              onClick={() => setRenaming(true)}
              aria-label={t("renameLabel", { team: team.name })}
            >
              {t("rename")}
            </button>
            <button
              type="button"
              className="btn btn-secondary min-h-11 px-3 text-sm"
              onClick={() => run("team:split", { teamId: team.id })}
              aria-label={t("splitLabel", { team: team.name })}
            >
              {t("split")}
            </button>
          </div>
          {renaming ? (
            <RenameForm
              team={team}
              onRename={(name) => run("team:update", { teamId: team.id, name })}
              onDone={() => setRenaming(false)}
            />
          ) : null}
          {error ? (
            <p role="alert" className="field-error mt-0 text-sm">
              {error}
            </p>
          ) : null}
        </>
      ) : null}
    </li>
  );
}

function AddTeam({ briefs }: { briefs: { id: string; title: string }[] }) {
  const t = useTranslations("live.teams");
  const id = useId();
  const { run, error } = useTeamCommand();
  const [name, setName] = useState("");
  const [briefId, setBriefId] = useState("");
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run("team:create", { name, briefId: briefId || null })) setName("");
      }}
    >
      <div className="min-w-48 flex-1">
        <label htmlFor={`${id}-name`} className="field-label">
          {t("newTeamName")}
        </label>
        <CountedInput
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={60}
          className="field-input"
        />
      </div>
      {briefs.length > 0 ? (
        <div className="min-w-48">
          <label htmlFor={`${id}-brief`} className="field-label">
            {t("briefLabel")}
          </label>
          <select id={`${id}-brief`} value={briefId} onChange={(e) => setBriefId(e.target.value)} className="field-input">
            <option value="">{t("noBrief")}</option>
            {briefs.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="btn btn-primary">
        {t("addTeam")}
      </button>
      {error ? (
        <p role="alert" className="field-error w-full">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function WhoCanHelp({ people, teams, nameOf }: ConsoleRoom) {
  const t = useTranslations("live.teams");
  const id = useId();
  const [query, setQuery] = useState("");
  const matches = useMemo(() => whoCanHelp(people, query), [people, query]);
  const teamName = (teamId: string | null) => teams.find((t) => t.id === teamId)?.name ?? t("notInTeam");
  return (
    // id="help": the facilitator console's section nav links here.
    <section id="help" aria-labelledby={`${id}-title`} className="card scroll-mt-20 space-y-3 p-5">
      <h2 id={`${id}-title`} className="text-lg font-bold">
        {t("helpHeading")}
      </h2>
      <label htmlFor={`${id}-q`} className="sr-only">
        {t("helpLabel")}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t("helpPlaceholder")}
        className="field-input"
      />
      {query.trim().length > 2 ? (
        matches.length === 0 ? (
          <p className="text-ink-soft" aria-live="polite">
            {t("helpNobody")}
          </p>
        ) : (
          <ul className="divide-y divide-line" aria-live="polite" data-testid="help-results">
            {matches.map((m) => (
              <li key={m.person.id} className="py-2">
                <bdi className="font-semibold">{nameOf(m.person)}</bdi>{" "}
                <span className="text-ink-soft">({teamName(m.person.teamId)})</span>
                <span className="block text-sm">{m.skills.join(", ")}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

function PrivateList({ people, changeKey }: { people: PersonView[]; changeKey: unknown }) {
  const t = useTranslations("live.teams");
  const labels = useTranslations("me.form");
  const details = usePrivateDetails(true, changeKey)?.people ?? null;
  const shared = (details ?? []).filter((d) => d.accessNeeds || d.contactConsent || isUnder18(d.ageBand));
  const kindOf = (participantId: string) => {
    const kind = people.find((p) => p.id === participantId)?.kind;
    return kind ? labels(`kind.${kind}`) : null;
  };
  return (
    <section aria-labelledby="private-title" className="card space-y-3 p-5">
      <h2 id="private-title" className="text-lg font-bold">
        {t("privateHeading")}
      </h2>
      <p className="text-sm text-ink-soft">{t("privateHint")}</p>
      {details === null ? (
        <p className="text-ink-soft">{t("loading")}</p>
      ) : shared.length === 0 ? (
        <p className="text-ink-soft">{t("privateNone")}</p>
      ) : (
        <ul className="divide-y divide-line" data-testid="private-details">
          {shared.map((d) => (
            <li key={d.participantId} className="space-y-1 py-2 text-sm">
              <p className="font-semibold">
                {d.displayName}
                {isUnder18(d.ageBand) && d.ageBand ? (
                  <span className="ms-2 rounded-full bg-note-blue px-2 py-0.5 text-xs">{labels(`age.${d.ageBand}`)}</span>
                ) : null}
                {kindOf(d.participantId) ? (
                  <span className="ms-2 font-normal text-ink-soft">{kindOf(d.participantId)}</span>
                ) : null}
              </p>
              {d.accessNeeds ? <p>{t("access", { needs: d.accessNeeds })}</p> : null}
              {d.contactConsent ? <p>{t("contact", { contact: d.contact })}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Nobody yet, the same array every time: a new one would count as the room changing. */
const nobody: PersonView[] = [];

/**
 * The room's teams on the console, live: headcount against capacity, the mix of kinds and
 * skills, and gentle flags; it also adds, resizes and splits teams, moves people between them,
 * searches skills across the room and lists private access needs. The big screen shows only what
 * the whole room may see (team-wall.tsx).
 */
export function TeamOverview() {
  const t = useTranslations("live.teams");
  const { state, error } = useTeams();
  const nameOf = useConsoleNames(state?.people ?? nobody);
  const titleId = useId();
  const briefs = useMemo(() => {
    const seen = new Map<string, string>();
    for (const t of state?.teams ?? []) if (t.briefId && t.briefTitle) seen.set(t.briefId, t.briefTitle);
    return [...seen].map(([id, title]) => ({ id, title }));
  }, [state?.teams]);

  if (!state) return error ? <p className="text-ink-soft">{error}</p> : null;
  const unassigned = state.people.filter((p) => p.teamId === null || !state.teams.some((t) => t.id === p.teamId));
  const inTeams = state.people.length - unassigned.length;

  return (
    <div className="space-y-6" data-testid="team-overview">
      <section aria-labelledby={titleId} className="card space-y-4 p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={titleId} className="text-lg font-bold">
            {t("heading")}
          </h2>
          <p className="text-sm text-ink-soft" data-testid="overview-summary">
            {t("consoleSummary", { count: state.people.length, inTeams, unassigned: unassigned.length })}
          </p>
        </div>
        {state.teams.length === 0 ? (
          <p className="text-ink-soft">{t("noTeams")}</p>
        ) : (
          // On a laptop a long list of teams scrolls here, so the console's other sections stay close.
          <ul className="grid gap-4 p-1 md:grid-cols-2 lg:max-h-[min(40rem,75vh)] lg:overflow-y-auto xl:grid-cols-3">
            {state.teams.map((t) => (
              <TeamCard
                key={t.id}
                team={t}
                members={state.people.filter((p) => p.teamId === t.id)}
                variant="console"
                nameOf={nameOf}
              />
            ))}
          </ul>
        )}
        {unassigned.length > 0 ? (
          <p className="text-sm">
            {t.rich("notInTeamYet", {
              // Each name isolated (U+2068…U+2069): a right-to-left name can't reorder the commas around it.
              names: unassigned.map((p) => `\u2068${nameOf(p)}\u2069`).join(", "),
              b: (chunks) => <span className="font-semibold">{chunks}</span>,
            })}
          </p>
        ) : null}
        {state.teams.length > 0 && state.people.length > 0 ? (
          <MovePerson people={state.people} teams={state.teams} nameOf={nameOf} />
        ) : null}
        <div className="border-t border-line pt-4">
          <AddTeam briefs={briefs} />
        </div>
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <WhoCanHelp people={state.people} teams={state.teams} nameOf={nameOf} />
        <PrivateList people={state.people} changeKey={state.people} />
        <PeopleModeration changeKey={state.people} />
      </div>
    </div>
  );
}
