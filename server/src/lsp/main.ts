// `wincompat-language-server --stdio` (also --node-ipc, --socket=N, --pipe=NAME): creates the
// connection from the command line and runs the server on it. The library exits the process on
// `exit` and when the input stream closes.
import { createConnection, ProposedFeatures, StreamMessageWriter, type MessageReader } from 'vscode-languageserver/node';
import { messageEncoder } from './message-encoder';
import { startServer } from './server';

// over stdio (VS Code, Neovim, Emacs) the server writes with its own JSON encoder; the library
// still reads stdin itself, so it exits when the client goes away (a stream where its types ask for
// a reader: it accepts either, and only a stream gets that exit handling)
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: messageEncoder }))
  : createConnection(ProposedFeatures.all);
if (stdio) {
  // what the library does for --stdio: stray console output goes to the client's log, not into the protocol
  console.log = connection.console.log.bind(connection.console);
  console.info = connection.console.info.bind(connection.console);
  console.warn = connection.console.warn.bind(connection.console);
  console.error = connection.console.error.bind(connection.console);
}
process.on('unhandledRejection', (e) => connection.console.error(`wincompat: unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
startServer(connection);
