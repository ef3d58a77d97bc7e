import { infisicalProvider } from "../providers/infisical";
import { runProvider } from "./run-provider";

runProvider(infisicalProvider);
