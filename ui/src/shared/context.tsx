import { createContext, useContext } from "react";
import type { Api } from "./api";
import type { User } from "./user";

export interface AppContextValue {
  user: User;
  api: Api;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp outside AppContext");
  return value;
}
