/**
 * The ceiling: a bare node:http server that answers every request with the essay page's bytes
 * and headers as captured from the app. Nothing a real server does per request is left but
 * writing them, so its throughput is the most this machine's Node can give with this page.
 *
 * Run as its own process (like the app) so that it does not share an event loop with the load
 * generator: `node --import tsx bench/lib/ceiling-process.ts <port> <body-file> <headers-file>`.
 */
import fs from "node:fs";
import http from "node:http";

const [portArg, bodyFile, headersFile] = process.argv.slice(2);
if (!portArg || !bodyFile || !headersFile) {
  console.error("usage: ceiling-process.ts <port> <body-file> <headers-file>");
  process.exit(2);
}

const body = fs.readFileSync(bodyFile);
const headers = JSON.parse(fs.readFileSync(headersFile, "utf8")) as Record<string, string | string[]>;
const allHeaders = { ...headers, "content-length": String(body.length) };

const server = http.createServer((_request, response) => {
  response.writeHead(200, allHeaders);
  response.end(body);
});

server.listen(Number(portArg), "127.0.0.1", () => {
  process.send?.({ listening: Number(portArg) });
});

process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
