import type { NoteView } from "@/lib/realtime/contract";

const colours: Record<NoteView["colour"], string> = {
  yellow: "bg-note-yellow",
  pink: "bg-note-pink",
  blue: "bg-note-blue",
  green: "bg-note-green",
  orange: "bg-note-orange",
};

export function NoteCard({
  text,
  colour = "yellow",
  author,
  badge,
  size = "phone",
}: {
  text: string;
  colour?: NoteView["colour"];
  author?: string | null;
  badge?: React.ReactNode;
  size?: "phone" | "wall";
}) {
  return (
    <div
      className={`${colours[colour]} rounded-lg shadow-[0_2px_0_rgb(31_29_43/0.12),0_6px_14px_rgb(31_29_43/0.08)] ${
        size === "wall" ? "p-5 text-2xl leading-snug" : "p-4 text-base"
      }`}
    >
      <p className="whitespace-pre-wrap break-words font-medium text-ink">{text}</p>
      {author || badge ? (
        <p className={`mt-2 flex flex-wrap items-center gap-2 text-ink-soft ${size === "wall" ? "text-lg" : "text-sm"}`}>
          {author ? <span>{author}</span> : null}
          {badge}
        </p>
      ) : null}
    </div>
  );
}
