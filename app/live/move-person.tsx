"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useConnection } from "@/lib/realtime/client/react";
import type { TeamView } from "@/lib/realtime/contract";
import { hasRoom } from "@/lib/teams/team-rules";
import type { ConsoleRoom } from "./console-names";

/** The "To" choice that takes someone out of their team (a team id is never empty). */
const noTeam = "none";

type News = { ok: boolean; text: string };
/** A full team the facilitator may still choose to go beyond, once asked. */
type Overfill = { participantId: string; teamId: string; refusal: string };

/**
 * For the console: put someone who has no team into one, move someone to another team, or take
 * them out of theirs. The room follows from the server's broadcast (their phone, both rosters,
 * the big screen); a full team is refused first and only then offered "move them anyway".
 * Names are the room's (initials for under-18s): the console may be on the projector; people
 * who share one are numbered as on the team cards (`nameOf`, from useConsoleNames), so the
 * facilitator moves the one they mean.
 */
export function MovePerson({ people, teams, nameOf }: ConsoleRoom) {
  const t = useTranslations("live.teams.move");
  const c = useConnection();
  const id = useId();
  const [who, setWho] = useState("");
  const [to, setTo] = useState("");
  const [busy, setBusy] = useState(false);
  const [news, setNews] = useState<News | null>(null);
  const [overfill, setOverfill] = useState<Overfill | null>(null);

  // Someone who left since they were chosen is no longer a choice.
  const person = people.find((p) => p.id === who) ?? null;
  const teamOf = (teamId: string | null) => teams.find((x) => x.id === teamId) ?? null;
  const headcount = (teamId: string) => people.filter((p) => p.teamId === teamId).length;
  const unassigned = people.filter((p) => teamOf(p.teamId) === null);
  const nameOfId = (participantId: string) => {
    const found = people.find((p) => p.id === participantId);
    return found ? nameOf(found) : "";
  };

  const move = async (participantId: string, teamId: string | null, beyondCapacity: boolean) => {
    if (!c) return;
    const name = nameOfId(participantId);
    setBusy(true);
    setNews(null);
    const sent = c.send("participant:move", { participantId, teamId, beyondCapacity });
    const ack = await sent.done;
    setBusy(false);
    setOverfill(null);
    if (!ack.ok) {
      c.dismiss(sent.id);
      if (ack.error.issues?.[0]?.path === "beyondCapacity" && teamId) {
        return setOverfill({ participantId, teamId, refusal: ack.error.message });
      }
      return setNews({ ok: false, text: ack.error.message });
    }
    const now = teamOf(ack.result.person.teamId);
    setNews({
      ok: true,
      text:
        ack.result.fromTeamId === ack.result.person.teamId
          ? t("alreadyThere", { name })
          : now
            ? t("moved", { name, team: now.name })
            : t("takenOut", { name }),
    });
    setWho("");
    setTo("");
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!person || !to) return setNews({ ok: false, text: person ? t("chooseWhere") : t("chooseWho") });
    void move(person.id, to === noTeam ? null : to, false);
  };

  const optionFor = (team: TeamView) => {
    const count = headcount(team.id);
    if (person?.teamId === team.id) return t("teamHere", { team: team.name });
    if (team.capacity === null) return t("teamOpen", { team: team.name, count });
    return hasRoom(team.capacity, count)
      ? t("teamPlaces", { team: team.name, count, capacity: team.capacity })
      : t("teamFull", { team: team.name, count, capacity: team.capacity });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 border-t border-line pt-4" data-testid="move-person">
      <h3 id={`${id}-title`} className="font-bold">
        {t("heading")}
      </h3>
      <p className="text-sm text-ink-soft">{t("hint")}</p>
      <form className="flex flex-wrap items-end gap-3" onSubmit={submit} noValidate>
        <div className="min-w-48 flex-1">
          <label htmlFor={`${id}-who`} className="field-label">
            {t("who")}
          </label>
          <select
            id={`${id}-who`}
            className="field-input"
            value={person ? who : ""}
            onChange={(e) => {
              setWho(e.target.value);
              setOverfill(null);
            }}
          >
            <option value="">{t("chooseSomeone")}</option>
            {unassigned.length > 0 ? (
              <optgroup label={t("notInTeam")}>
                {unassigned.map((p) => (
                  <option key={p.id} value={p.id}>
                    {nameOf(p)}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {teams.map((team) => {
              const members = people.filter((p) => p.teamId === team.id);
              return members.length === 0 ? null : (
                <optgroup key={team.id} label={team.name}>
                  {members.map((p) => (
                    <option key={p.id} value={p.id}>
                      {nameOf(p)}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor={`${id}-to`} className="field-label">
            {t("to")}
          </label>
          <select
            id={`${id}-to`}
            className="field-input"
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              setOverfill(null);
            }}
          >
            <option value="">{t("chooseTeam")}</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id} disabled={person?.teamId === team.id}>
                {optionFor(team)}
              </option>
            ))}
            <option value={noTeam} disabled={person !== null && teamOf(person.teamId) === null}>
              {t("noTeam")}
            </option>
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("submit")}
        </button>
      </form>
      {overfill ? (
        <div className="space-y-2 rounded-xl bg-paper p-3" role="alert">
          <p className="font-semibold">{overfill.refusal}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-secondary min-h-11 py-2 text-sm"
              disabled={busy}
              onClick={() => void move(overfill.participantId, overfill.teamId, true)}
            >
              {t("anyway", {
                name: nameOfId(overfill.participantId),
                team: teamOf(overfill.teamId)?.name ?? "",
              })}
            </button>
            <button type="button" className="btn btn-secondary min-h-11 py-2 text-sm" onClick={() => setOverfill(null)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : null}
      {news ? (
        <p
          role={news.ok ? "status" : "alert"}
          className={`text-sm font-semibold ${news.ok ? "text-ink-soft" : "text-danger"}`}
          data-testid="move-news"
        >
          {news.text}
        </p>
      ) : null}
    </section>
  );
}
