"use client";

import { PhoneBoard } from "@/app/live/board/phone-board";

type Props = { board: { id: string; title: string; columns: { key: string; title: string }[] }; myKey?: string };

/** The room's welcome wall on the phone home: the same live board every board page uses. */
export function WelcomeWall({ board }: Props) {
  return <PhoneBoard boardId={board.id} />;
}
