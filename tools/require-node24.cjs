// Run by npm before installing this project: Comity needs Node.js >= 24 (type stripping, node:sqlite,
// crypto.argon2). Plain CommonJS so that it runs, and explains itself, on any older Node.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Comity needs Node.js >= 24 and this is ${process.version}: run the same command through ./nodew (e.g. ./nodew npm ci), which provides Node 24.`);
  process.exit(1);
}
