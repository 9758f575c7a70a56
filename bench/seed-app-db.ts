// Seeds the app server's database in its own process (getDb() keeps one file per process):
// reads SmtpAccount and the line count as JSON from argv, prints SeededBusiness as JSON.
import { seedBusiness } from "./seed";

const { smtp, lines } = JSON.parse(process.argv[2] ?? "{}");
const seeded = await seedBusiness(smtp, lines);
process.stdout.write(JSON.stringify(seeded) + "\n");
