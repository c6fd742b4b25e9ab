/**
 * What both browser benchmarks compare the app with: a bare Next.js + React + socket.io-client
 * page, written into a folder inside the repo (so it resolves the same node_modules) and built there.
 */
import { createServer } from "node:net";

export const bareNextPageFiles: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bare-next-page", private: true, type: "module" }),
  "next.config.mjs": "export default { poweredByHeader: false, typescript: { ignoreBuildErrors: true } };\n",
  "app/layout.tsx": `export default function Layout({ children }: { children: React.ReactNode }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  "app/page.tsx": `"use client";
import { useEffect, useState } from "react";
import { io } from "socket.io-client";

export default function Page() {
  const [state, setState] = useState("connecting");
  useEffect(() => {
    const socket = io({ transports: ["websocket"] });
    socket.on("connect", () => setState("connected"));
    socket.on("connect_error", () => setState("offline"));
    return () => { socket.disconnect(); };
  }, []);
  return (<main><h1>Bare page</h1><p>{state}</p></main>);
}
`,
};

export const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const a = s.address();
      s.close(() => done(typeof a === "object" && a ? a.port : 0));
    });
  });
