import type en from "../en/consortia";
import type { Translation } from "../shape";

const messages: Translation<typeof en> = {};
export default messages;
