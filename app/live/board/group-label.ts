"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { ColumnView } from "@/lib/boards/board-state";
import { groupNames } from "@/lib/boards/group-names";

/**
 * "Group: Water" for a titled group, "Group with “A water fountain”" for an untitled one
 * (lib/boards/group-names.ts). Worked out once per change of the board, not per tap.
 */
export function useGroupLabels(groups: Record<string, { title: string }>, columns: readonly ColumnView[]) {
  const t = useTranslations("board");
  return useMemo(() => {
    const names = groupNames(groups, columns);
    return (groupId: string) => {
      const name = names.get(groupId);
      if (name?.kind === "titled") return t("group", { title: name.title });
      if (name?.kind === "note") return t("groupWith", { note: name.text });
      return t("group", { title: t("untitled") });
    };
  }, [groups, columns, t]);
}
