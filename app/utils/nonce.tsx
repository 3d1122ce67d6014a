import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
/** The per-request CSP nonce that every inline <script> must carry. */
export const useNonce = () => useContext(NonceContext);
