import type { PresentationCommandResults } from "@/lib/realtime/contract";
import type { Handler } from "@/lib/realtime/handler";
import { assignJudge, scoreTeam, setCriteria } from "./judging";
import { openPeoplesChoice } from "./peoples-choice";
import { presentationState } from "./presentation-state";
import { giveFeedback, react } from "./respond";
import { includeTeam, projectView, setOrder, shuffleOrder, stepPresentation } from "./running-order";
import { saveShowcase } from "./save-showcase";

export const presentationHandlers: { [N in keyof PresentationCommandResults]: Handler<N> } = {
  "presentation:state": presentationState,
  "showcase:save": saveShowcase,
  "presentation:order": setOrder,
  "presentation:shuffle": shuffleOrder,
  "presentation:step": stepPresentation,
  "presentation:include": includeTeam,
  "presentation:project": projectView,
  "presentation:react": react,
  "presentation:feedback": giveFeedback,
  "judge:assign": assignJudge,
  "judge:score": scoreTeam,
  "criteria:set": setCriteria,
  "peoples-choice:open": openPeoplesChoice,
};
