// Types of gotrue-wasm: the types of gotrue-js 1.0.1 (lib/index.d.ts), plus
// GoTrue.ready, GoTrue.prefetch and the statics window.GoTrue carries (D1, D2).

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  credentials?: RequestCredentials;
  audience?: string;
}

declare class API {
  apiURL: string;
  defaultHeaders: Record<string, string>;
  private _sameOrigin;
  constructor(apiURL?: string, options?: { defaultHeaders?: Record<string, string> });
  private headers;
  request<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
}

export declare class HTTPError extends Error {
  status: number;
  constructor(response: Response);
}
export declare class TextHTTPError extends HTTPError {
  data: string;
  constructor(response: Response, data: string);
}
export declare class JSONHTTPError extends HTTPError {
  json: { msg?: string; error?: string; error_description?: string };
  constructor(response: Response, json: Record<string, unknown>);
}

export interface Token {
  access_token: string;
  expires_at: number;
  expires_in: number;
  refresh_token: string;
  token_type: 'bearer';
}

export interface AppMetadata {
  provider: string;
  roles?: string[];
  [key: string]: unknown;
}

export interface UserData {
  id: string;
  aud: string;
  email: string;
  role: string;
  app_metadata: AppMetadata;
  user_metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  [key: string]: unknown;
}

export interface UserAttributes {
  email?: string;
  password?: string;
  [key: string]: unknown;
}

export declare class Admin {
  private user;
  constructor(user: User);
  listUsers(aud: string): Promise<UserData[]>;
  getUser(user: UserData): Promise<UserData>;
  updateUser(user: UserData, attributes?: UserAttributes): Promise<UserData>;
  createUser(email: string, password: string, attributes?: UserAttributes): Promise<UserData>;
  deleteUser(user: UserData): Promise<void>;
}

export declare class User {
  api: API;
  url: string;
  audience: string;
  token: Token | null;
  _fromStorage?: boolean;
  id: string;
  aud: string;
  email: string;
  role: string;
  app_metadata: AppMetadata;
  user_metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  new_email?: string;
  [key: string]: unknown;
  constructor(api: API, tokenResponse: Token, audience: string);
  static removeSavedSession(): void;
  static recoverSession(apiInstance?: API): User | null;
  get admin(): Admin;
  update(attributes: Record<string, unknown>): Promise<User>;
  jwt(forceRefresh?: boolean): Promise<string>;
  logout(): Promise<void>;
  _refreshToken(refresh_token: string): Promise<string>;
  _request<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  getUserData(): Promise<User>;
  _saveUserData(attributes: Record<string, unknown>, fromStorage?: boolean): User;
  _processTokenResponse(tokenResponse: Token): void;
  _refreshSavedSession(): User;
  get _details(): Record<string, unknown>;
  _saveSession(): User;
  tokenDetails(): Token | null;
  clearSession(): void;
}

export interface GoTrueInit {
  APIUrl?: string;
  audience?: string;
  setCookie?: boolean;
  clientName?: string;
}

export interface Settings {
  autoconfirm: boolean;
  disable_signup: boolean;
  external: {
    bitbucket: boolean;
    email: boolean;
    facebook: boolean;
    github: boolean;
    gitlab: boolean;
    google: boolean;
  };
}

export interface SignupResponse {
  id: string;
  email: string;
  confirmation_sent_at?: string;
  confirmed_at?: string;
  [key: string]: unknown;
}

export default class GoTrue {
  audience?: string;
  setCookie: boolean;
  api: API;
  constructor({ APIUrl, audience, setCookie, clientName }?: GoTrueInit);
  _request<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  settings(): Promise<Settings>;
  signup(email: string, password: string, data?: Record<string, unknown>): Promise<SignupResponse>;
  login(email: string, password: string, remember?: boolean): Promise<User>;
  loginExternalUrl(provider: string): string;
  confirm(token: string, remember?: boolean): Promise<User>;
  requestPasswordRecovery(email: string): Promise<void>;
  recover(token: string, remember?: boolean): Promise<User>;
  acceptInvite(token: string, password: string, remember?: boolean): Promise<User>;
  acceptInviteExternalUrl(provider: string, token: string): string;
  createUser(tokenResponse: Token, remember?: boolean): Promise<User>;
  currentUser(): User | null;
  validateCurrentSession(): Promise<User | null>;
  verify(type: string, token: string, remember?: boolean): Promise<User>;
  _setRememberHeaders(remember?: boolean): void;

  /** Resolves once gotrue.wasm runs; asking for it fetches the module and starts Go, which otherwise happens on the first call that needs it (D2). After a failed fetch, asking again tries again. */
  static readonly ready: Promise<void>;
  /** Asks for gotrue.wasm ahead of need, for a page that knows a sign-in is coming: it is fetched after the page's load event, at low priority (D2). The script tag's data-prefetch does the same. */
  static prefetch(): void;
  /** window.GoTrue also works as a namespace, as gotrue-js 1.0.1's script tag made it (D1). */
  static readonly default: typeof GoTrue;
  static readonly User: typeof User;
  static readonly Admin: typeof Admin;
  static readonly HTTPError: typeof HTTPError;
  static readonly TextHTTPError: typeof TextHTTPError;
  static readonly JSONHTTPError: typeof JSONHTTPError;
}

declare global {
  interface Window {
    GoTrue: typeof GoTrue;
  }
}
