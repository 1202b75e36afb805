// `wincompat-language-server --stdio` (also --node-ipc, --socket=N, --pipe=NAME): creates the
// connection from the command line and runs the server on it. The library exits the process on
// `exit` and when the input stream closes.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
process.on('unhandledRejection', (e) => connection.console.error(`wincompat: unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
startServer(connection);
