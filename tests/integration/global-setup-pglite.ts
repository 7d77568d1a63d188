import { setupPgliteTemplate } from "../helpers/global-setup";

export default setupPgliteTemplate;
