// Node flags of every Mailroom server process: `npm run app`, `npm start` (package.json repeats
// them), the e2e web server and the bench's app processes. A 4 MB young generation (Node 20's
// default is 16 MB per semi-space) keeps a bulk send of 1,000 invoices about 30 MB lighter at the
// same speed: rendering PDFs allocates fast, and V8 otherwise lets the young heap balloon.
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=4"];
