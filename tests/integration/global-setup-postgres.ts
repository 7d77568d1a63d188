import { setupPostgresTemplate } from "../helpers/global-setup";

export default setupPostgresTemplate;
