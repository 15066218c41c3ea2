/**
 * The node API as TypeScript types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run `npm run gen:api` after changing a route schema (test/e2e/api-schema.test.ts checks it).
 */
export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with username, password and (when enrolled) a TOTP code
         * @description Sets an HTTP-only session cookie and a readable CSRF cookie whose value must be sent back in the x-csrf-token header on every state-changing request.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        /** @description 6-digit code, when TOTP is enrolled */
                        totp?: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Node-wide actions the roles in force allow (e.g. users.create, case.create); the UI shows only these */
                            abilities: string[];
                            expiresAt: string | null;
                            node: {
                                name: string;
                                state: string;
                            };
                            /** @description Roles in force for this request (a token may carry fewer) */
                            roles: ("admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat")[];
                            stage: "full" | "enroll_totp";
                            totpRequired: boolean;
                            user: components["schemas"]["User"];
                            via: "session" | "token" | "cli";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the current user, on every device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ended: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (ends my other sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who am I: the current user, roles in force and session state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Node-wide actions the roles in force allow (e.g. users.create, case.create); the UI shows only these */
                            abilities: string[];
                            expiresAt: string | null;
                            node: {
                                name: string;
                                state: string;
                            };
                            /** @description Roles in force for this request (a token may carry fewer) */
                            roles: ("admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat")[];
                            stage: "full" | "enroll_totp";
                            totpRequired: boolean;
                            user: components["schemas"]["User"];
                            via: "session" | "token" | "cli";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm TOTP enrolment with a first code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment: returns the secret and otpauth URI to scan */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            otpauthUri: string;
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the cases I may see, newest first
         * @description Members see their cases; oversight sees the metadata of every case. Keyset-paginated: pass `next` as `cursor`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The `next` of the previous page */
                    cursor?: string;
                    limit?: number;
                    /** @description An id of the offence catalogue (GET /api/v1/offences) */
                    offence?: "illegal_access" | "illegal_interception" | "data_interference" | "system_interference" | "misuse_of_devices" | "computer_forgery" | "computer_fraud" | "csam" | "grooming" | "ncii" | "laundering" | "copyright";
                    /** @description Case-insensitive part of the reference (or of the title, in your own cases) */
                    q?: string;
                    status?: "open" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CaseListItem"][];
                            /** @description Cursor of the next page, null on the last one */
                            next: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Open a case; the caller becomes its lead
         * @description Central authority, investigator, prosecutor or duty officer. Without `reference`, one is generated as {STATE}-{YEAR}-{NNNN}.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description At least one; no duplicates */
                        offences: ("illegal_access" | "illegal_interception" | "data_interference" | "system_interference" | "misuse_of_devices" | "computer_forgery" | "computer_fraud" | "csam" | "grooming" | "ncii" | "laundering" | "copyright")[];
                        /** @description Omit to get {STATE}-{YEAR}-{NNNN}; must be unique */
                        reference?: string;
                        summary?: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"] | components["schemas"]["CaseMetadata"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a case: in full for members, metadata only for oversight */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"] | components["schemas"]["CaseMetadata"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change title, summary or offences (lead, member) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description At least one; no duplicates */
                        offences?: ("illegal_access" | "illegal_interception" | "data_interference" | "system_interference" | "misuse_of_devices" | "computer_forgery" | "computer_fraud" | "csam" | "grooming" | "ncii" | "laundering" | "copyright")[];
                        summary?: string;
                        title?: string;
                        /** @description The version of the case the change was made against */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"] | components["schemas"]["CaseMetadata"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/cases/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a case with a reason (lead); it becomes read-only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        /** @description The version of the case the change was made against */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Case"] | components["schemas"]["CaseMetadata"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of a case and their case roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CaseMember"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a member, or change a member's case role (lead)
         * @description 201 when the user was added, 200 when an existing member's case role was changed. The last lead cannot be demoted.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description lead (manages members, closes), member (edits), observer (reads)
                         * @enum {unknown}
                         */
                        caseRole: "lead" | "member" | "observer";
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            addedAt: string;
                            /** Format: uuid */
                            addedBy: string;
                            /**
                             * @description lead (manages members, closes), member (edits), observer (reads)
                             * @enum {unknown}
                             */
                            caseRole: "lead" | "member" | "observer";
                            disabled: boolean;
                            displayName: string;
                            /** Format: uuid */
                            userId: string;
                            username: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            addedAt: string;
                            /** Format: uuid */
                            addedBy: string;
                            /**
                             * @description lead (manages members, closes), member (edits), observer (reads)
                             * @enum {unknown}
                             */
                            caseRole: "lead" | "member" | "observer";
                            disabled: boolean;
                            displayName: string;
                            /** Format: uuid */
                            userId: string;
                            username: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (lead); the last lead cannot be removed */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a subject: a natural or legal person (lead, member)
         * @description A suspect needs a participation (perpetrator, accomplice, instigator, attempt); other roles must not have one.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD; natural persons only
                         */
                        dateOfBirth?: string | null;
                        identifiers?: {
                            /** @enum {unknown} */
                            type: "passport" | "national_id" | "tax_id" | "driving_licence" | "company_registration" | "lei" | "email" | "phone" | "username" | "account" | "iban" | "crypto_address" | "ip" | "domain" | "url" | "other";
                            value: string;
                        }[];
                        /**
                         * @description natural or legal person
                         * @enum {unknown}
                         */
                        kind: "natural" | "legal";
                        /** @description Name, or legal name of a legal person */
                        name: string;
                        /** @description ISO 3166-1 alpha-2: nationality of a natural person, place of incorporation of a legal person */
                        nationality?: string | null;
                        notes?: string;
                        /**
                         * @description Required for a suspect, null for every other role
                         * @enum {string|null}
                         */
                        participation?: "perpetrator" | "accomplice" | "instigator" | "attempt" | null;
                        /** @enum {unknown} */
                        role: "suspect" | "victim" | "witness" | "other";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            caseId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD; natural persons only
                             */
                            dateOfBirth: string | null;
                            /** Format: uuid */
                            id: string;
                            identifiers: {
                                /** @enum {unknown} */
                                type: "passport" | "national_id" | "tax_id" | "driving_licence" | "company_registration" | "lei" | "email" | "phone" | "username" | "account" | "iban" | "crypto_address" | "ip" | "domain" | "url" | "other";
                                value: string;
                            }[];
                            /**
                             * @description natural or legal person
                             * @enum {unknown}
                             */
                            kind: "natural" | "legal";
                            /** @description Name, or legal name of a legal person */
                            name: string;
                            /** @description ISO 3166-1 alpha-2: nationality of a natural person, place of incorporation of a legal person */
                            nationality: string | null;
                            notes: string;
                            /**
                             * @description Required for a suspect, null for every other role
                             * @enum {string|null}
                             */
                            participation: "perpetrator" | "accomplice" | "instigator" | "attempt" | null;
                            /** @enum {unknown} */
                            role: "suspect" | "victim" | "witness" | "other";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/subjects/{subjectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a subject (lead, member) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    subjectId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a subject (lead, member); absent fields stay, null clears */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    subjectId: string;
                };
                cookie?: never;
            };
            /** @description Absent fields stay as they are; null clears */
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description YYYY-MM-DD; natural persons only
                         */
                        dateOfBirth?: string | null;
                        identifiers?: {
                            /** @enum {unknown} */
                            type: "passport" | "national_id" | "tax_id" | "driving_licence" | "company_registration" | "lei" | "email" | "phone" | "username" | "account" | "iban" | "crypto_address" | "ip" | "domain" | "url" | "other";
                            value: string;
                        }[];
                        /**
                         * @description natural or legal person
                         * @enum {unknown}
                         */
                        kind?: "natural" | "legal";
                        /** @description Name, or legal name of a legal person */
                        name?: string;
                        /** @description ISO 3166-1 alpha-2: nationality of a natural person, place of incorporation of a legal person */
                        nationality?: string | null;
                        notes?: string;
                        /**
                         * @description Required for a suspect, null for every other role
                         * @enum {string|null}
                         */
                        participation?: "perpetrator" | "accomplice" | "instigator" | "attempt" | null;
                        /** @enum {unknown} */
                        role?: "suspect" | "victim" | "witness" | "other";
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            caseId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: date
                             * @description YYYY-MM-DD; natural persons only
                             */
                            dateOfBirth: string | null;
                            /** Format: uuid */
                            id: string;
                            identifiers: {
                                /** @enum {unknown} */
                                type: "passport" | "national_id" | "tax_id" | "driving_licence" | "company_registration" | "lei" | "email" | "phone" | "username" | "account" | "iban" | "crypto_address" | "ip" | "domain" | "url" | "other";
                                value: string;
                            }[];
                            /**
                             * @description natural or legal person
                             * @enum {unknown}
                             */
                            kind: "natural" | "legal";
                            /** @description Name, or legal name of a legal person */
                            name: string;
                            /** @description ISO 3166-1 alpha-2: nationality of a natural person, place of incorporation of a legal person */
                            nationality: string | null;
                            notes: string;
                            /**
                             * @description Required for a suspect, null for every other role
                             * @enum {string|null}
                             */
                            participation: "perpetrator" | "accomplice" | "instigator" | "attempt" | null;
                            /** @enum {unknown} */
                            role: "suspect" | "victim" | "witness" | "other";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/directory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The federation directory this node has accepted: member nodes and, per State, contact points and declarations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            acceptedAt: string;
                            authority: {
                                kid: string;
                                name: string;
                            };
                            digest: string;
                            issuedAt: string;
                            nodes: {
                                endpoint: string;
                                keys: {
                                    alg: string;
                                    crv: string;
                                    exp?: number;
                                    kid: string;
                                    kty: string;
                                    use: string;
                                    x: string;
                                }[];
                                ledger: {
                                    origin: string;
                                    vkey: string;
                                };
                                name: string;
                                nodeId: string;
                                roles: string[];
                                state: string;
                            }[];
                            /** @description this node's id */
                            self: string;
                            source: string;
                            states: {
                                [key: string]: {
                                    centralAuthority: string | null;
                                    channels: string[];
                                    contactPoint247: string | null;
                                    declarations: {
                                        article?: string;
                                        text: string;
                                    }[];
                                    flags: {
                                        [key: string]: boolean;
                                    };
                                    languages: string[];
                                    name: string;
                                    reservations: {
                                        article?: string;
                                        text: string;
                                    }[];
                                };
                            };
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/directory/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the directory from its source now */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            outcome: string;
                            reason?: string;
                            version?: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/pings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a ping to a node (answered by a pong over the same message path); poll the ping for the round trip */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a node id from the directory */
                        node: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveredAt: string | null;
                            id: string;
                            node: string;
                            pongAt: string | null;
                            roundTripMs: number | null;
                            /** Format: date-time */
                            sentAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/pings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ping and, once its pong arrived, the round trip */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveredAt: string | null;
                            id: string;
                            node: string;
                            pongAt: string | null;
                            roundTripMs: number | null;
                            /** Format: date-time */
                            sentAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put dead-lettered messages (all, or those for one node) back in the queue, sealed again, and give failed incoming messages to their handler again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a node id from the directory */
                        node?: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reprocessed: string[];
                            requeued: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Peers, queue depths, last deliveries and recent alerts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alerts: {
                                /** Format: date-time */
                                createdAt: string;
                                id: string;
                                kind: string;
                                peer: string | null;
                                summary: string;
                            }[];
                            directory: {
                                /** Format: date-time */
                                acceptedAt: string;
                                source: string;
                                version: number;
                            } | null;
                            endpoint: string;
                            nodeId: string;
                            peers: {
                                endpoint: string | null;
                                inbox: {
                                    failed: number;
                                    processed: number;
                                    received: number;
                                };
                                inDirectory: boolean;
                                lastDeliveredAt: string | null;
                                lastError: string | null;
                                lastReceivedAt: string | null;
                                name: string | null;
                                nodeId: string;
                                oldestPendingAt: string | null;
                                outbox: {
                                    dead: number;
                                    delivered: number;
                                    pending: number;
                                };
                                state: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/federation/witness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send this node's latest checkpoint to be witnessed now (to every node that has not cosigned it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asked: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest signed checkpoint (C2SP tlog-checkpoint note, text/plain), with the cosignature lines of the witnesses that cosigned it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
            };
        };
        put?: never;
        /** Sign a checkpoint of the current tree now (if it grew); returns the latest note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entries with index in [start, end), at most 1000 per page */
        get: {
            parameters: {
                query?: {
                    end?: number;
                    start?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                index: number;
                                /** @description standard base64 */
                                leaf: string;
                            }[];
                            /** @description start of the next page, or null */
                            next: number | null;
                            size: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The node's verifier key (signed-note vkey: name+keyid+base64(0x01‖pubkey)) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9162 consistency proof between the trees of `from` and `to` entries */
        get: {
            parameters: {
                query: {
                    from: number;
                    to: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: number;
                            proof: string[];
                            to: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** RFC 9162 inclusion proof of entry `index` in the tree of `size` entries */
        get: {
            parameters: {
                query: {
                    index: number;
                    size: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            index: number;
                            proof: string[];
                            /** @description standard base64 */
                            rootHash: string;
                            size: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/receipts/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An offline receipt for entry `index`: leaf, inclusion proof and the signed checkpoint that covers it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    index: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description C2SP signed checkpoint note covering the entry */
                            checkpoint: string;
                            /** @description entry index, decimal */
                            index: string;
                            /** @description standard base64 */
                            leaf: string;
                            /** @description RFC 9162 inclusion proof, in order */
                            proof: string[];
                            /** @enum {number} */
                            v: 1;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications: incoming requests, status changes, legal clocks due soon or overdue */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    unread?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                dueAt: string | null;
                                /** Format: uuid */
                                id: string;
                                kind: string;
                                readAt: string | null;
                                requestId: string | null;
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/offences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The offence catalogue (UN Convention against Cybercrime, Budapest Convention) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Offence"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/request-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every request type as data: fields with guidance, rules, measures, safeguards, routing and clocks
         * @description The drafting wizard is built from this. Labels and guidance come in the six UN languages.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RequestType"][];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/request-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request type definition */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basis: string[];
                            /** @description Default legal clocks (ISO 8601 durations) by clock kind */
                            clocks: {
                                [key: string]: string;
                            };
                            dualCriminality: "required" | "not_required" | "per_state";
                            emergency: boolean;
                            fields: {
                                fromCase?: string;
                                guidance: {
                                    ar: string;
                                    en: string;
                                    es: string;
                                    fr: string;
                                    ru: string;
                                    zh: string;
                                };
                                id: string;
                                /** @enum {unknown} */
                                kind: "text" | "longtext" | "date" | "datetime" | "period" | "integer" | "boolean" | "choice" | "choices" | "list" | "timezone" | "email" | "phone" | "offences" | "persons" | "assets";
                                label: {
                                    ar: string;
                                    en: string;
                                    es: string;
                                    fr: string;
                                    ru: string;
                                    zh: string;
                                };
                                maxLength?: number;
                                optionLabels?: {
                                    ar: string;
                                    en: string;
                                    es: string;
                                    fr: string;
                                    ru: string;
                                    zh: string;
                                }[];
                                options?: string[];
                                required: boolean;
                                requiredWhen?: {
                                    equals?: string | boolean;
                                    field: string;
                                    includes?: string;
                                    present?: boolean;
                                };
                                source?: string;
                                /** @enum {unknown} */
                                step: "authority" | "facts" | "persons" | "assistance" | "safeguards" | "handling";
                            }[];
                            follows: ("general_mla" | "preservation" | "preservation_partial_disclosure" | "subscriber_information" | "traffic_data" | "content_data" | "search_seizure" | "realtime_traffic" | "interception" | "emergency_disclosure" | "emergency_mla" | "extradition" | "provisional_arrest" | "proceeds_tracing_freezing" | "confiscation" | "spontaneous_information" | "transfer_of_proceedings" | "joint_investigation_team" | "video_hearing" | "locate_person")[];
                            /** @enum {unknown} */
                            id: "general_mla" | "preservation" | "preservation_partial_disclosure" | "subscriber_information" | "traffic_data" | "content_data" | "search_seizure" | "realtime_traffic" | "interception" | "emergency_disclosure" | "emergency_mla" | "extradition" | "provisional_arrest" | "proceeds_tracing_freezing" | "confiscation" | "spontaneous_information" | "transfer_of_proceedings" | "joint_investigation_team" | "video_hearing" | "locate_person";
                            intrusive: boolean;
                            measures: ("preservation" | "partial_disclosure_traffic" | "production_subscriber" | "production_traffic" | "production_content" | "search_seizure" | "realtime_traffic" | "interception" | "freezing" | "confiscation" | "arrest" | "surrender" | "hearing" | "locating" | "information" | "other_assistance")[];
                            penaltyThresholdYears?: number;
                            routing: "central_authority" | "contact_point_24_7";
                            safeguards: ("proportionality" | "judicial_authorization" | "legal_basis" | "use_limitation" | "dual_criminality" | "emergency_justification" | "extradition_assurances")[];
                            summary: {
                                ar: string;
                                en: string;
                                es: string;
                                fr: string;
                                ru: string;
                                zh: string;
                            };
                            title: {
                                ar: string;
                                en: string;
                                es: string;
                                fr: string;
                                ru: string;
                                zh: string;
                            };
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the requests I may see, newest first
         * @description Outgoing requests of my cases (all submitted ones for the central authority), the incoming desk, or metadata of all (oversight). Keyset-paginated: pass `next` as `cursor`.
         */
        get: {
            parameters: {
                query?: {
                    caseId?: string;
                    cursor?: string;
                    limit?: number;
                    open?: boolean;
                    q?: string;
                    side?: "requesting" | "requested";
                    state?: string;
                    typeId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                caseId: string | null;
                                closedAt: string | null;
                                counterpartNode: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                draftingLanguage: string;
                                /** Format: uuid */
                                id: string;
                                linkedReference: string | null;
                                linkedRequestId: string | null;
                                outcome: ("accepted" | "accepted_with_conditions" | "postponed" | "refused") | null;
                                reference: string;
                                requestedState: string;
                                requestingState: string;
                                /** @enum {unknown} */
                                side: "requesting" | "requested";
                                state: ("draft" | "in_review" | "authorized" | "transmitted" | "delivered" | "acknowledged" | "info_requested" | "info_provided" | "accepted" | "accepted_with_conditions" | "postponed" | "refused" | "executing" | "partially_executed" | "executed" | "closed" | "withdrawn" | "no_longer_required") | ("received" | "registered" | "assessing" | "consultation" | "decision" | "executing" | "results_sent" | "closed");
                                theirReference: string | null;
                                title: string | null;
                                transmittedAt: string | null;
                                /** @enum {unknown} */
                                typeId: "general_mla" | "preservation" | "preservation_partial_disclosure" | "subscriber_information" | "traffic_data" | "content_data" | "search_seizure" | "realtime_traffic" | "interception" | "emergency_disclosure" | "emergency_mla" | "extradition" | "provisional_arrest" | "proceeds_tracing_freezing" | "confiscation" | "spontaneous_information" | "transfer_of_proceedings" | "joint_investigation_team" | "video_hearing" | "locate_person";
                                typeVersion: number;
                                /** Format: date-time */
                                updatedAt: string;
                                version: number;
                                view: "full" | "metadata";
                            }[];
                            next: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Draft a request from a case (lead or member of the case)
         * @description Offences, facts and persons are carried over from the case. The draft is checked field by field (see `check`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        caseId: string;
                        confidentialityRequested?: boolean;
                        /** @description The request fields, keyed by field id (see the type definition) */
                        content?: {
                            [key: string]: unknown;
                        };
                        /** @description ISO 639-1 language the request is written in */
                        draftingLanguage: string;
                        linkedRequestId?: string | null;
                        /** @description The requested State (ISO 3166-1 alpha-2 or XA…XZ) */
                        requestedState: string;
                        /** @description A request type id (GET /api/v1/request-types) */
                        typeId: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            abilities: ("request.create" | "request.read" | "request.read_metadata" | "request.edit" | "request.submit" | "request.return" | "request.authorize" | "request.transmit" | "request.follow_up" | "request.handle" | "request.decide" | "request.read_access_log")[];
                            authorization: unknown | null;
                            caseId: string | null;
                            check: components["schemas"]["RequestCheck"] | null;
                            clocks: {
                                dueAt: string | null;
                                duration: string;
                                /** @enum {unknown} */
                                kind: "acknowledgment" | "decision" | "execution" | "preservation_expiry" | "follow_up" | "written_confirmation" | "confidentiality_answer" | "conditions_answer";
                                /** @enum {unknown} */
                                owner: "requesting" | "requested";
                                startedAt: string | null;
                                status: string;
                                stoppedAt: string | null;
                            }[];
                            closedAt: string | null;
                            commands: ("submit" | "return_to_draft" | "authorize" | "transmit" | "delivered" | "acknowledged" | "info_requested" | "provide_info" | "decision" | "accept_conditions" | "execution_started" | "results" | "withdraw" | "confidentiality_answered" | "status_reply" | "record_onward_transfer" | "receive" | "register" | "start_assessment" | "request_info" | "info_received" | "record_no_consultation" | "answer_confidentiality" | "decide" | "conditions_accepted" | "resume" | "start_execution" | "send_results" | "withdrawn" | "onward_transfer_decision" | "close" | "no_longer_required" | "status_enquiry" | "onward_transfer_request")[];
                            content: {
                                [key: string]: unknown;
                            } | null;
                            counterpartNode: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                conditions: string[];
                                grounds: string[];
                                /** @enum {unknown} */
                                outcome: "accepted" | "accepted_with_conditions" | "postponed" | "refused";
                                reasons: string;
                            } | null;
                            draftingLanguage: string;
                            facts: {
                                closure: string | null;
                                conditions: string;
                                confidentiality: string | null;
                                confidentialityRequested: boolean;
                                consultationHeld: boolean;
                                intrusive: boolean;
                                noConsultationReason: string | null;
                                resultsCount: number;
                            };
                            history: {
                                actor: string;
                                /** Format: date-time */
                                at: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                event: string;
                                from: string | null;
                                ledgerIndex: number | null;
                                origin: "local" | "remote";
                                seq: number;
                                to: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            linkedReference: string | null;
                            linkedRequestId: string | null;
                            outcome: ("accepted" | "accepted_with_conditions" | "postponed" | "refused") | null;
                            reference: string;
                            requestedState: string;
                            requestingState: string;
                            results: {
                                /** Format: date-time */
                                at: string;
                                conditions: string[];
                                confidentiality: string;
                                final: boolean;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    description: string;
                                    kind: string;
                                    sha256?: string;
                                }[];
                                preservedUntil: string | null;
                                sentBy: string;
                                seq: number;
                                summary: string;
                                useLimitation: string;
                            }[];
                            /** @enum {unknown} */
                            side: "requesting" | "requested";
                            state: ("draft" | "in_review" | "authorized" | "transmitted" | "delivered" | "acknowledged" | "info_requested" | "info_provided" | "accepted" | "accepted_with_conditions" | "postponed" | "refused" | "executing" | "partially_executed" | "executed" | "closed" | "withdrawn" | "no_longer_required") | ("received" | "registered" | "assessing" | "consultation" | "decision" | "executing" | "results_sent" | "closed");
                            theirReference: string | null;
                            title: string | null;
                            transfers: {
                                decidedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                purpose: string;
                                reasons: string | null;
                                recipient: string;
                                /** Format: date-time */
                                requestedAt: string;
                                status: string;
                                thirdState: string;
                                transferredAt: string | null;
                            }[];
                            transmittedAt: string | null;
                            /** @enum {unknown} */
                            typeId: "general_mla" | "preservation" | "preservation_partial_disclosure" | "subscriber_information" | "traffic_data" | "content_data" | "search_seizure" | "realtime_traffic" | "interception" | "emergency_disclosure" | "emergency_mla" | "extradition" | "provisional_arrest" | "proceeds_tracing_freezing" | "confiscation" | "spontaneous_information" | "transfer_of_proceedings" | "joint_investigation_team" | "video_hearing" | "locate_person";
                            typeVersion: number;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            view: "full" | "metadata";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a request: content, history, legal clocks, results (metadata only for oversight)
         * @description Every read of a request's content is recorded in its access log (DOMAIN §5).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            abilities: ("request.create" | "request.read" | "request.read_metadata" | "request.edit" | "request.submit" | "request.return" | "request.authorize" | "request.transmit" | "request.follow_up" | "request.handle" | "request.decide" | "request.read_access_log")[];
                            authorization: unknown | null;
                            caseId: string | null;
                            check: components["schemas"]["RequestCheck"] | null;
                            clocks: {
                                dueAt: string | null;
                                duration: string;
                                /** @enum {unknown} */
                                kind: "acknowledgment" | "decision" | "execution" | "preservation_expiry" | "follow_up" | "written_confirmation" | "confidentiality_answer" | "conditions_answer";
                                /** @enum {unknown} */
                                owner: "requesting" | "requested";
                                startedAt: string | null;
                                status: string;
                                stoppedAt: string | null;
                            }[];
                            closedAt: string | null;
                            commands: ("submit" | "return_to_draft" | "authorize" | "transmit" | "delivered" | "acknowledged" | "info_requested" | "provide_info" | "decision" | "accept_conditions" | "execution_started" | "results" | "withdraw" | "confidentiality_answered" | "status_reply" | "record_onward_transfer" | "receive" | "register" | "start_assessment" | "request_info" | "info_received" | "record_no_consultation" | "answer_confidentiality" | "decide" | "conditions_accepted" | "resume" | "start_execution" | "send_results" | "withdrawn" | "onward_transfer_decision" | "close" | "no_longer_required" | "status_enquiry" | "onward_transfer_request")[];
                            content: {
                                [key: string]: unknown;
                            } | null;
                            counterpartNode: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                conditions: string[];
                                grounds: string[];
                                /** @enum {unknown} */
                                outcome: "accepted" | "accepted_with_conditions" | "postponed" | "refused";
                                reasons: string;
                            } | null;
                            draftingLanguage: string;
                            facts: {
                                closure: string | null;
                                conditions: string;
                                confidentiality: string | null;
                                confidentialityRequested: boolean;
                                consultationHeld: boolean;
                                intrusive: boolean;
                                noConsultationReason: string | null;
                                resultsCount: number;
                            };
                            history: {
                                actor: string;
                                /** Format: date-time */
                                at: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                event: string;
                                from: string | null;
                                ledgerIndex: number | null;
                                origin: "local" | "remote";
                                seq: number;
                                to: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            linkedReference: string | null;
                            linkedRequestId: string | null;
                            outcome: ("accepted" | "accepted_with_conditions" | "postponed" | "refused") | null;
                            reference: string;
                            requestedState: string;
                            requestingState: string;
                            results: {
                                /** Format: date-time */
                                at: string;
                                conditions: string[];
                                confidentiality: string;
                                final: boolean;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    description: string;
                                    kind: string;
                                    sha256?: string;
                                }[];
                                preservedUntil: string | null;
                                sentBy: string;
                                seq: number;
                                summary: string;
                                useLimitation: string;
                            }[];
                            /** @enum {unknown} */
                            side: "requesting" | "requested";
                            state: ("draft" | "in_review" | "authorized" | "transmitted" | "delivered" | "acknowledged" | "info_requested" | "info_provided" | "accepted" | "accepted_with_conditions" | "postponed" | "refused" | "executing" | "partially_executed" | "executed" | "closed" | "withdrawn" | "no_longer_required") | ("received" | "registered" | "assessing" | "consultation" | "decision" | "executing" | "results_sent" | "closed");
                            theirReference: string | null;
                            title: string | null;
                            transfers: {
                                decidedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                purpose: string;
                                reasons: string | null;
                                recipient: string;
                                /** Format: date-time */
                                requestedAt: string;
                                status: string;
                                thirdState: string;
                                transferredAt: string | null;
                            }[];
                            transmittedAt: string | null;
                            /** @enum {unknown} */
                            typeId: "general_mla" | "preservation" | "preservation_partial_disclosure" | "subscriber_information" | "traffic_data" | "content_data" | "search_seizure" | "realtime_traffic" | "interception" | "emergency_disclosure" | "emergency_mla" | "extradition" | "provisional_arrest" | "proceeds_tracing_freezing" | "confiscation" | "spontaneous_information" | "transfer_of_proceedings" | "joint_investigation_team" | "video_hearing" | "locate_person";
                            typeVersion: number;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            view: "full" | "metadata";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a draft: fields (null clears), language, requested State, confidentiality, link */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        confidentialityRequested?: boolean;
                        /** @description Fields to set; null clears a field; absent fields stay */
                        content?: {
                            [key: string]: unknown;
                        };
                        draftingLanguage?: string;
                        linkedRequestId?: string | null;
                        requestedState?: string;
                        version: number;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            abilities: ("request.create" | "request.read" | "request.read_metadata" | "request.edit" | "request.submit" | "request.return" | "request.authorize" | "request.transmit" | "request.follow_up" | "request.handle" | "request.decide" | "request.read_access_log")[];
                            authorization: unknown | null;
                            caseId: string | null;
                            check: components["schemas"]["RequestCheck"] | null;
                            clocks: {
                                dueAt: string | null;
                                duration: string;
                                /** @enum {unknown} */
                                kind: "acknowledgment" | "decision" | "execution" | "preservation_expiry" | "follow_up" | "written_confirmation" | "confidentiality_answer" | "conditions_answer";
                                /** @enum {unknown} */
                                owner: "requesting" | "requested";
                                startedAt: string | null;
                                status: string;
                                stoppedAt: string | null;
                            }[];
                            closedAt: string | null;
                            commands: ("submit" | "return_to_draft" | "authorize" | "transmit" | "delivered" | "acknowledged" | "info_requested" | "provide_info" | "decision" | "accept_conditions" | "execution_started" | "results" | "withdraw" | "confidentiality_answered" | "status_reply" | "record_onward_transfer" | "receive" | "register" | "start_assessment" | "request_info" | "info_received" | "record_no_consultation" | "answer_confidentiality" | "decide" | "conditions_accepted" | "resume" | "start_execution" | "send_results" | "withdrawn" | "onward_transfer_decision" | "close" | "no_longer_required" | "status_enquiry" | "onward_transfer_request")[];
                            content: {
                                [key: string]: unknown;
                            } | null;
                            counterpartNode: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                conditions: string[];
                                grounds: string[];
                                /** @enum {unknown} */
                                outcome: "accepted" | "accepted_with_conditions" | "postponed" | "refused";
                                reasons: string;
                            } | null;
                            draftingLanguage: string;
                            facts: {
                                closure: string | null;
                                conditions: string;
                                confidentiality: string | null;
                                confidentialityRequested: boolean;
                                consultationHeld: boolean;
                                intrusive: boolean;
                                noConsultationReason: string | null;
                                resultsCount: number;
                            };
                            history: {
                                actor: string;
                                /** Format: date-time */
                                at: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                event: string;
                                from: string | null;
                                ledgerIndex: number | null;
                                origin: "local" | "remote";
                                seq: number;
                                to: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            linkedReference: string | null;
                            linkedRequestId: string | null;
                            outcome: ("accepted" | "accepted_with_conditions" | "postponed" | "refused") | null;
                            reference: string;
                            requestedState: string;
                            requestingState: string;
                            results: {
                                /** Format: date-time */
                                at: string;
                                conditions: string[];
                                confidentiality: string;
                                final: boolean;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    description: string;
                                    kind: string;
                                    sha256?: string;
                                }[];
                                preservedUntil: string | null;
                                sentBy: string;
                                seq: number;
                                summary: string;
                                useLimitation: string;
                            }[];
                            /** @enum {unknown} */
                            side: "requesting" | "requested";
                            state: ("draft" | "in_review" | "authorized" | "transmitted" | "delivered" | "acknowledged" | "info_requested" | "info_provided" | "accepted" | "accepted_with_conditions" | "postponed" | "refused" | "executing" | "partially_executed" | "executed" | "closed" | "withdrawn" | "no_longer_required") | ("received" | "registered" | "assessing" | "consultation" | "decision" | "executing" | "results_sent" | "closed");
                            theirReference: string | null;
                            title: string | null;
                            transfers: {
                                decidedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                purpose: string;
                                reasons: string | null;
                                recipient: string;
                                /** Format: date-time */
                                requestedAt: string;
                                status: string;
                                thirdState: string;
                                transferredAt: string | null;
                            }[];
                            transmittedAt: string | null;
                            /** @enum {unknown} */
                            typeId: "general_mla" | "preservation" | "preservation_partial_disclosure" | "subscriber_information" | "traffic_data" | "content_data" | "search_seizure" | "realtime_traffic" | "interception" | "emergency_disclosure" | "emergency_mla" | "extradition" | "provisional_arrest" | "proceeds_tracing_freezing" | "confiscation" | "spontaneous_information" | "transfer_of_proceedings" | "joint_investigation_team" | "video_hearing" | "locate_person";
                            typeVersion: number;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            view: "full" | "metadata";
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/requests/{id}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read this request and its results, newest first (oversight, central authority) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                /** Format: date-time */
                                at: string;
                                caseId: string | null;
                                /** Format: uuid */
                                userId: string;
                                username: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check completeness, the requested State's requirements and dual criminality (recorded in the ledger) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            complete: boolean;
                            completeness: {
                                complete: boolean;
                                items: {
                                    field: string;
                                    message: string;
                                    severity: "missing" | "invalid" | "warning";
                                }[];
                            };
                            tailoring: {
                                acceptedLanguages: string[];
                                clocks: {
                                    [key: string]: string;
                                };
                                declarations: {
                                    article: string | null;
                                    /** @description type, offence, general, unclear or other: how the statement bears on this request */
                                    relevance: string;
                                    source: "directory" | "profile";
                                    text: string;
                                }[];
                                draftingLanguage: string;
                                dualCriminality: {
                                    applies: boolean;
                                    basis: string;
                                    offences: {
                                        meetsThreshold: boolean | null;
                                        note: string;
                                        offence: string;
                                        requested: {
                                            citation: string;
                                            maxPenaltyYears: number;
                                            options?: string[];
                                            text: string;
                                        } | null;
                                        requesting: {
                                            citation: string;
                                            maxPenaltyYears: number;
                                            options?: string[];
                                            text: string;
                                        } | null;
                                    }[];
                                    outcome: "not_applicable" | "satisfied" | "partial" | "not_satisfied";
                                    thresholdYears: number | null;
                                };
                                extraRequired: string[];
                                flags: {
                                    [key: string]: boolean;
                                };
                                items: {
                                    field: string;
                                    message: string;
                                    severity: "missing" | "invalid" | "warning";
                                }[];
                                languageAccepted: boolean;
                                languagesSource: "directory" | "profile" | "none";
                                reservations: {
                                    article: string | null;
                                    /** @description type, offence, general, unclear or other: how the statement bears on this request */
                                    relevance: string;
                                    source: "directory" | "profile";
                                    text: string;
                                }[];
                                state: string | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a lifecycle event: submit, authorize, transmit, register, decide, send_results, close, …
         * @description The request view lists in `commands` the events you may apply now. The rules (four eyes, consultation before refusal, reasons and grounds, conditions before execution, confidentiality answered, onward transfer authorized) are enforced here; a wrong state is 409 (conflict), a stale version 409 (version_conflict), a missing or invalid input 400 (validation_failed) naming the field.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description provide_info */
                        answer?: string;
                        authorized?: boolean;
                        /** @description decide with accepted_with_conditions */
                        conditions?: string[];
                        /** @description send_results */
                        confidentiality?: string;
                        /** @description authorize (intrusive measures): the judicial or independent decision */
                        decision?: {
                            authority: string;
                            date: string;
                            reference: string;
                        };
                        /**
                         * @description The lifecycle event to apply (see docs/requests.md); the request view lists the ones you may apply now in `commands`
                         * @enum {unknown}
                         */
                        event: "submit" | "return_to_draft" | "authorize" | "transmit" | "delivered" | "acknowledged" | "info_requested" | "provide_info" | "decision" | "accept_conditions" | "execution_started" | "results" | "withdraw" | "confidentiality_answered" | "status_reply" | "record_onward_transfer" | "receive" | "register" | "start_assessment" | "request_info" | "info_received" | "record_no_consultation" | "answer_confidentiality" | "decide" | "conditions_accepted" | "resume" | "start_execution" | "send_results" | "withdrawn" | "onward_transfer_decision" | "close" | "no_longer_required" | "status_enquiry" | "onward_transfer_request";
                        /** @description send_results: final (true) or partial (false) */
                        final?: boolean;
                        /** @description decide: grounds for refusal or postponement (DOMAIN §4) */
                        grounds?: string[];
                        items?: {
                            description: string;
                            kind: string;
                            sha256?: string;
                        }[];
                        /** @description answer_confidentiality */
                        kept?: boolean;
                        note?: string;
                        /** @enum {unknown} */
                        outcome?: "accepted" | "accepted_with_conditions" | "postponed" | "refused";
                        /** @description send_results (preservation): YYYY-MM-DD */
                        preservedUntil?: string;
                        purpose?: string;
                        /** @description request_info */
                        questions?: string;
                        /** @description return_to_draft, withdraw, no_longer_required, record_no_consultation, answer_confidentiality */
                        reason?: string;
                        /** @description decide (required for refused/postponed), onward_transfer_decision */
                        reasons?: string;
                        recipient?: string;
                        /** @description send_results */
                        summary?: string;
                        thirdState?: string;
                        transferId?: string;
                        /** @description send_results: the use-limitation condition attached to the results */
                        useLimitation?: string;
                        /** @description The version of the request you read */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            abilities: ("request.create" | "request.read" | "request.read_metadata" | "request.edit" | "request.submit" | "request.return" | "request.authorize" | "request.transmit" | "request.follow_up" | "request.handle" | "request.decide" | "request.read_access_log")[];
                            authorization: unknown | null;
                            caseId: string | null;
                            check: components["schemas"]["RequestCheck"] | null;
                            clocks: {
                                dueAt: string | null;
                                duration: string;
                                /** @enum {unknown} */
                                kind: "acknowledgment" | "decision" | "execution" | "preservation_expiry" | "follow_up" | "written_confirmation" | "confidentiality_answer" | "conditions_answer";
                                /** @enum {unknown} */
                                owner: "requesting" | "requested";
                                startedAt: string | null;
                                status: string;
                                stoppedAt: string | null;
                            }[];
                            closedAt: string | null;
                            commands: ("submit" | "return_to_draft" | "authorize" | "transmit" | "delivered" | "acknowledged" | "info_requested" | "provide_info" | "decision" | "accept_conditions" | "execution_started" | "results" | "withdraw" | "confidentiality_answered" | "status_reply" | "record_onward_transfer" | "receive" | "register" | "start_assessment" | "request_info" | "info_received" | "record_no_consultation" | "answer_confidentiality" | "decide" | "conditions_accepted" | "resume" | "start_execution" | "send_results" | "withdrawn" | "onward_transfer_decision" | "close" | "no_longer_required" | "status_enquiry" | "onward_transfer_request")[];
                            content: {
                                [key: string]: unknown;
                            } | null;
                            counterpartNode: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            decision: {
                                /** Format: date-time */
                                at: string;
                                conditions: string[];
                                grounds: string[];
                                /** @enum {unknown} */
                                outcome: "accepted" | "accepted_with_conditions" | "postponed" | "refused";
                                reasons: string;
                            } | null;
                            draftingLanguage: string;
                            facts: {
                                closure: string | null;
                                conditions: string;
                                confidentiality: string | null;
                                confidentialityRequested: boolean;
                                consultationHeld: boolean;
                                intrusive: boolean;
                                noConsultationReason: string | null;
                                resultsCount: number;
                            };
                            history: {
                                actor: string;
                                /** Format: date-time */
                                at: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                event: string;
                                from: string | null;
                                ledgerIndex: number | null;
                                origin: "local" | "remote";
                                seq: number;
                                to: string;
                            }[];
                            /** Format: uuid */
                            id: string;
                            linkedReference: string | null;
                            linkedRequestId: string | null;
                            outcome: ("accepted" | "accepted_with_conditions" | "postponed" | "refused") | null;
                            reference: string;
                            requestedState: string;
                            requestingState: string;
                            results: {
                                /** Format: date-time */
                                at: string;
                                conditions: string[];
                                confidentiality: string;
                                final: boolean;
                                /** Format: uuid */
                                id: string;
                                items: {
                                    description: string;
                                    kind: string;
                                    sha256?: string;
                                }[];
                                preservedUntil: string | null;
                                sentBy: string;
                                seq: number;
                                summary: string;
                                useLimitation: string;
                            }[];
                            /** @enum {unknown} */
                            side: "requesting" | "requested";
                            state: ("draft" | "in_review" | "authorized" | "transmitted" | "delivered" | "acknowledged" | "info_requested" | "info_provided" | "accepted" | "accepted_with_conditions" | "postponed" | "refused" | "executing" | "partially_executed" | "executed" | "closed" | "withdrawn" | "no_longer_required") | ("received" | "registered" | "assessing" | "consultation" | "decision" | "executing" | "results_sent" | "closed");
                            theirReference: string | null;
                            title: string | null;
                            transfers: {
                                decidedAt: string | null;
                                /** Format: uuid */
                                id: string;
                                purpose: string;
                                reasons: string | null;
                                recipient: string;
                                /** Format: date-time */
                                requestedAt: string;
                                status: string;
                                thirdState: string;
                                transferredAt: string | null;
                            }[];
                            transmittedAt: string | null;
                            /** @enum {unknown} */
                            typeId: "general_mla" | "preservation" | "preservation_partial_disclosure" | "subscriber_information" | "traffic_data" | "content_data" | "search_seizure" | "realtime_traffic" | "interception" | "emergency_disclosure" | "emergency_mla" | "extradition" | "provisional_arrest" | "proceeds_tracing_freezing" | "confiscation" | "spontaneous_information" | "transfer_of_proceedings" | "joint_investigation_team" | "video_hearing" | "locate_person";
                            typeVersion: number;
                            /** Format: date-time */
                            updatedAt: string;
                            version: number;
                            view: "full" | "metadata";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/{id}/letter.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The formal letter (PDF) in the drafting language, with both references, the signature block and a ledger receipt */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/requests/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live updates (Server-Sent Events): one `change` event per change to a request that concerns me
         * @description text/event-stream. Each event carries `{requestId, state, event}` only; the client re-reads the request through the API, which checks what it may see. A comment line is sent every `keepAlive` seconds (25 by default) to keep proxies from closing the stream.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Seconds between keep-alive comments (default 25) */
                    keepAlive?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description text/event-stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens (or everyone's with all=true: admin, oversight) */
        get: {
            parameters: {
                query?: {
                    all?: boolean;
                    includeRevoked?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiToken"][];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token for myself, carrying some of my roles and/or scopes; the secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 30 */
                        expiresInDays?: number;
                        name: string;
                        /** @description Some of my roles; omit for a token that carries scopes only */
                        roles?: ("admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat")[];
                        /** @description Narrow permissions; ledger:read needs the oversight or admin role. A token needs at least one role or scope. */
                        scopes?: "ledger:read"[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            record: components["schemas"]["ApiToken"];
                            /** @description Shown once; store it safely */
                            token: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users (admin, oversight) */
        get: {
            parameters: {
                query?: {
                    /** @description Cursor: the last username of the previous page */
                    after?: string;
                    disabled?: boolean;
                    limit?: number;
                    /** @description A role of DESIGN §7 */
                    role?: "admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            next: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName?: string;
                        email?: string | null;
                        password: string;
                        roles: ("admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat")[];
                        username: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            disabled: boolean;
                            displayName: string;
                            email: string | null;
                            /** Format: uuid */
                            id: string;
                            lockedUntil: string | null;
                            roles: ("admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat")[];
                            totpEnabled: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            username: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a user (admin, oversight, or oneself) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            disabled: boolean;
                            displayName: string;
                            email: string | null;
                            /** Format: uuid */
                            id: string;
                            lockedUntil: string | null;
                            roles: ("admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat")[];
                            totpEnabled: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            username: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user: display name, e-mail, roles, disabled (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled?: boolean;
                        displayName?: string;
                        email?: string | null;
                        roles?: ("admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat")[];
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            disabled: boolean;
                            displayName: string;
                            email: string | null;
                            /** Format: uuid */
                            id: string;
                            lockedUntil: string | null;
                            roles: ("admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat")[];
                            totpEnabled: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                            username: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password and unlock (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reset-totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove a lost TOTP device; the user enrols again (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/federation/v1/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver a message (compact JWE of a compact JWS); answers with a signed receipt (JWS, typ comity-receipt+jws) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description compact JWE */
            requestBody: {
                content: {
                    "application/jose": string;
                };
            };
            responses: {
                /** @description RFC 9457 problem details; `reason` is set when a federation message was refused */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            /** @description why the message was refused: oversized, malformed, algorithm_not_allowed, bad_signature, … */
                            reason?: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description compact JWS receipt */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": string;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/federation/v1/node": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This node's card: a JWS (typ comity-node+jws) self-signed with its active signing key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description compact JWS */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/jose": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Prometheus text exposition format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database reachable and schema current */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            errors?: {
                                detail: string;
                                in: "body" | "query" | "path" | "header";
                                /** @description JSON Pointer (RFC 6901) to the offending field */
                                pointer: string;
                            }[];
                            instance: string;
                            requestId: string;
                            retryAfter?: number;
                            status: number;
                            title: string;
                            /** @description urn:comity:problem:<code> */
                            type: string;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            database: string;
                            migrations: string;
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiToken: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            lastUsedAt: string | null;
            name: string;
            /** @description First characters of the token, to recognise it */
            prefix: string;
            revokedAt: string | null;
            roles: ("admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat")[];
            /** @description Narrow permissions that are not roles (e.g. ledger:read) */
            scopes: string[];
            /** Format: uuid */
            userId: string;
            username: string;
        };
        /** @description A case as its members see it */
        Case: {
            /** @description What the caller may do to this case now */
            abilities: ("case.create" | "case.read" | "case.read_metadata" | "case.update" | "case.close" | "case.members.read" | "case.members.manage" | "case.subjects.manage")[];
            closedAt: string | null;
            closedBy: string | null;
            closureReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdBy: string;
            /** Format: uuid */
            id: string;
            memberCount: number;
            members: components["schemas"]["CaseMember"][];
            myRole: ("lead" | "member" | "observer") | null;
            offences: ("illegal_access" | "illegal_interception" | "data_interference" | "system_interference" | "misuse_of_devices" | "computer_forgery" | "computer_fraud" | "csam" | "grooming" | "ncii" | "laundering" | "copyright")[];
            reference: string;
            /** @enum {unknown} */
            status: "open" | "closed";
            subjects: components["schemas"]["CaseSubject"][];
            summary: string;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Send it back with every change; a stale one gets 409 version_conflict */
            version: number;
            /** @enum {string} */
            view: "full";
        };
        CaseListItem: {
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            memberCount: number;
            myRole: ("lead" | "member" | "observer") | null;
            offences: ("illegal_access" | "illegal_interception" | "data_interference" | "system_interference" | "misuse_of_devices" | "computer_forgery" | "computer_fraud" | "csam" | "grooming" | "ncii" | "laundering" | "copyright")[];
            reference: string;
            /** @enum {unknown} */
            status: "open" | "closed";
            /** @description null in the metadata view */
            title: string | null;
            /** Format: date-time */
            updatedAt: string;
            view: "full" | "metadata";
        };
        CaseMember: {
            /** Format: date-time */
            addedAt: string;
            /** Format: uuid */
            addedBy: string;
            /**
             * @description lead (manages members, closes), member (edits), observer (reads)
             * @enum {unknown}
             */
            caseRole: "lead" | "member" | "observer";
            disabled: boolean;
            displayName: string;
            /** Format: uuid */
            userId: string;
            username: string;
        };
        /** @description A case as oversight sees it when not a member: no title, summary, members or subjects */
        CaseMetadata: {
            /** @description What the caller may do to this case now */
            abilities: ("case.create" | "case.read" | "case.read_metadata" | "case.update" | "case.close" | "case.members.read" | "case.members.manage" | "case.subjects.manage")[];
            closedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            memberCount: number;
            offences: ("illegal_access" | "illegal_interception" | "data_interference" | "system_interference" | "misuse_of_devices" | "computer_forgery" | "computer_fraud" | "csam" | "grooming" | "ncii" | "laundering" | "copyright")[];
            reference: string;
            /** @enum {unknown} */
            status: "open" | "closed";
            /** Format: date-time */
            updatedAt: string;
            /** @enum {string} */
            view: "metadata";
        };
        CaseSubject: {
            /** Format: uuid */
            caseId: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date
             * @description YYYY-MM-DD; natural persons only
             */
            dateOfBirth: string | null;
            /** Format: uuid */
            id: string;
            identifiers: {
                /** @enum {unknown} */
                type: "passport" | "national_id" | "tax_id" | "driving_licence" | "company_registration" | "lei" | "email" | "phone" | "username" | "account" | "iban" | "crypto_address" | "ip" | "domain" | "url" | "other";
                value: string;
            }[];
            /**
             * @description natural or legal person
             * @enum {unknown}
             */
            kind: "natural" | "legal";
            /** @description Name, or legal name of a legal person */
            name: string;
            /** @description ISO 3166-1 alpha-2: nationality of a natural person, place of incorporation of a legal person */
            nationality: string | null;
            notes: string;
            /**
             * @description Required for a suspect, null for every other role
             * @enum {string|null}
             */
            participation: "perpetrator" | "accomplice" | "instigator" | "attempt" | null;
            /** @enum {unknown} */
            role: "suspect" | "victim" | "witness" | "other";
            /** Format: date-time */
            updatedAt: string;
        };
        Offence: {
            /** @description Article of the Budapest Convention */
            bcArticle: number | null;
            description: string;
            /**
             * @description An id of the offence catalogue (GET /api/v1/offences)
             * @enum {unknown}
             */
            id: "illegal_access" | "illegal_interception" | "data_interference" | "system_interference" | "misuse_of_devices" | "computer_forgery" | "computer_fraud" | "csam" | "grooming" | "ncii" | "laundering" | "copyright";
            title: string;
            /** @description Article of the UN Convention against Cybercrime */
            unArticle: number | null;
            /** @description An article number was recalled, not read, and awaits confirmation */
            uncertain: boolean;
        };
        RequestCheck: {
            complete: boolean;
            completeness: {
                complete: boolean;
                items: {
                    field: string;
                    message: string;
                    severity: "missing" | "invalid" | "warning";
                }[];
            };
            tailoring: {
                acceptedLanguages: string[];
                clocks: {
                    [key: string]: string;
                };
                declarations: {
                    article: string | null;
                    /** @description type, offence, general, unclear or other: how the statement bears on this request */
                    relevance: string;
                    source: "directory" | "profile";
                    text: string;
                }[];
                draftingLanguage: string;
                dualCriminality: {
                    applies: boolean;
                    basis: string;
                    offences: {
                        meetsThreshold: boolean | null;
                        note: string;
                        offence: string;
                        requested: {
                            citation: string;
                            maxPenaltyYears: number;
                            options?: string[];
                            text: string;
                        } | null;
                        requesting: {
                            citation: string;
                            maxPenaltyYears: number;
                            options?: string[];
                            text: string;
                        } | null;
                    }[];
                    outcome: "not_applicable" | "satisfied" | "partial" | "not_satisfied";
                    thresholdYears: number | null;
                };
                extraRequired: string[];
                flags: {
                    [key: string]: boolean;
                };
                items: {
                    field: string;
                    message: string;
                    severity: "missing" | "invalid" | "warning";
                }[];
                languageAccepted: boolean;
                languagesSource: "directory" | "profile" | "none";
                reservations: {
                    article: string | null;
                    /** @description type, offence, general, unclear or other: how the statement bears on this request */
                    relevance: string;
                    source: "directory" | "profile";
                    text: string;
                }[];
                state: string | null;
            };
        };
        RequestType: {
            basis: string[];
            /** @description Default legal clocks (ISO 8601 durations) by clock kind */
            clocks: {
                [key: string]: string;
            };
            dualCriminality: "required" | "not_required" | "per_state";
            emergency: boolean;
            fields: {
                fromCase?: string;
                guidance: {
                    ar: string;
                    en: string;
                    es: string;
                    fr: string;
                    ru: string;
                    zh: string;
                };
                id: string;
                /** @enum {unknown} */
                kind: "text" | "longtext" | "date" | "datetime" | "period" | "integer" | "boolean" | "choice" | "choices" | "list" | "timezone" | "email" | "phone" | "offences" | "persons" | "assets";
                label: {
                    ar: string;
                    en: string;
                    es: string;
                    fr: string;
                    ru: string;
                    zh: string;
                };
                maxLength?: number;
                optionLabels?: {
                    ar: string;
                    en: string;
                    es: string;
                    fr: string;
                    ru: string;
                    zh: string;
                }[];
                options?: string[];
                required: boolean;
                requiredWhen?: {
                    equals?: string | boolean;
                    field: string;
                    includes?: string;
                    present?: boolean;
                };
                source?: string;
                /** @enum {unknown} */
                step: "authority" | "facts" | "persons" | "assistance" | "safeguards" | "handling";
            }[];
            follows: ("general_mla" | "preservation" | "preservation_partial_disclosure" | "subscriber_information" | "traffic_data" | "content_data" | "search_seizure" | "realtime_traffic" | "interception" | "emergency_disclosure" | "emergency_mla" | "extradition" | "provisional_arrest" | "proceeds_tracing_freezing" | "confiscation" | "spontaneous_information" | "transfer_of_proceedings" | "joint_investigation_team" | "video_hearing" | "locate_person")[];
            /** @enum {unknown} */
            id: "general_mla" | "preservation" | "preservation_partial_disclosure" | "subscriber_information" | "traffic_data" | "content_data" | "search_seizure" | "realtime_traffic" | "interception" | "emergency_disclosure" | "emergency_mla" | "extradition" | "provisional_arrest" | "proceeds_tracing_freezing" | "confiscation" | "spontaneous_information" | "transfer_of_proceedings" | "joint_investigation_team" | "video_hearing" | "locate_person";
            intrusive: boolean;
            measures: ("preservation" | "partial_disclosure_traffic" | "production_subscriber" | "production_traffic" | "production_content" | "search_seizure" | "realtime_traffic" | "interception" | "freezing" | "confiscation" | "arrest" | "surrender" | "hearing" | "locating" | "information" | "other_assistance")[];
            penaltyThresholdYears?: number;
            routing: "central_authority" | "contact_point_24_7";
            safeguards: ("proportionality" | "judicial_authorization" | "legal_basis" | "use_limitation" | "dual_criminality" | "emergency_justification" | "extradition_assurances")[];
            summary: {
                ar: string;
                en: string;
                es: string;
                fr: string;
                ru: string;
                zh: string;
            };
            title: {
                ar: string;
                en: string;
                es: string;
                fr: string;
                ru: string;
                zh: string;
            };
            version: number;
        };
        User: {
            /** Format: date-time */
            createdAt: string;
            disabled: boolean;
            displayName: string;
            email: string | null;
            /** Format: uuid */
            id: string;
            lockedUntil: string | null;
            roles: ("admin" | "central_authority" | "duty_officer" | "investigator" | "prosecutor" | "authorizer" | "oversight" | "secretariat")[];
            totpEnabled: boolean;
            /** Format: date-time */
            updatedAt: string;
            username: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
