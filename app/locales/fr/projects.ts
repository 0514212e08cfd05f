import type en from "../en/projects";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
