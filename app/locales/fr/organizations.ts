import type en from "../en/organizations";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
