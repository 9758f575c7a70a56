// Node flags of every Mailroom server process: `npm run app`, `npm start` (package.json repeats
// them), the e2e web server and the bench's app processes. An 8 MB young generation (Node 20's
// default is 16 MB per semi-space) keeps a bulk send of 1,000 invoices about 40 MB lighter: rendering
// PDFs allocates fast, and V8 otherwise lets the young heap balloon. 4 MB saved no more memory
// and cost about a tenth more CPU in collections.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=8"];
