import { createHash } from "node:crypto";
import { connect, createServer, type Socket } from "node:net";

/**
 * A small TCP load balancer for tests and the benchmark, standing in for the real one (nginx,
 * HAProxy, a cloud balancer) described in docs/deploy.md. It reads a connection's first HTTP
 * request line, picks a node by hashing a stable client key (`?clientId=` if the client sends
 * one, else engine.io's `sid`, else the connection's address), and then pipes bytes both ways, so
 * WebSocket upgrades pass untouched. A node that refuses the connection counts as down and the
 * next one is tried, as a balancer's health check would do. Not for production.
 */
export type StickyProxy = {
  port: number;
  url: string;
  /** Connections made to each node so far. */
  connections: number[];
  /** Cuts every open connection, as a balancer restart or a venue's Wi-Fi blip would. */
  dropConnections(): void;
  close(): Promise<void>;
};

const keyOf = (head: string, socket: Socket) => {
  const target = head.split(" ")[1] ?? "";
  const query = new URLSearchParams(target.split("?")[1] ?? "");
  return query.get("clientId") ?? query.get("sid") ?? `${socket.remoteAddress}:${socket.remotePort}`;
};

const nodeFor = (key: string, nodes: number) => createHash("sha1").update(key).digest().readUInt32BE(0) % nodes;

export async function startStickyProxy(options: {
  /** Ports of the app processes on 127.0.0.1. */
  nodes: number[];
  /** Overrides the hash (e.g. a test that wants every phone on the first node). */
  pick?: (key: string, nodes: number) => number;
}): Promise<StickyProxy> {
  const pick = options.pick ?? nodeFor;
  const connections = options.nodes.map(() => 0);
  const open = new Set<Socket>();
  const clients = new Set<Socket>();

  const server = createServer((client) => {
    open.add(client);
    clients.add(client);
    client.on("close", () => {
      open.delete(client);
      clients.delete(client);
    });
    client.on("error", () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const text = head.toString("latin1");
      if (!text.includes("\r\n") && head.length < 8192) return;
      client.off("data", onData);
      client.pause();
      const first = pick(keyOf(text, client), options.nodes.length);
      tryNode(first, 0);
    };
    const tryNode = (index: number, attempt: number) => {
      if (attempt >= options.nodes.length) {
        client.destroy();
        return;
      }
      const i = (index + attempt) % options.nodes.length;
      const upstream = connect({ host: "127.0.0.1", port: options.nodes[i] as number });
      let connected = false;
      upstream.once("connect", () => {
        connected = true;
        connections[i] = (connections[i] ?? 0) + 1;
        open.add(upstream);
        upstream.on("close", () => open.delete(upstream));
        upstream.on("error", () => client.destroy());
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
        upstream.setNoDelay(true);
        upstream.write(head);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      upstream.once("error", () => {
        if (!connected) tryNode(index, attempt + 1);
      });
    };
    client.setNoDelay(true);
    client.on("data", onData);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    connections,
    dropConnections() {
      for (const c of clients) c.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
