import { scrapengineProvider } from "../providers/scrapengine";
import { runProvider } from "./run-provider";

runProvider(scrapengineProvider);
