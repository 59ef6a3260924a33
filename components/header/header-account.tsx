"use client";
/** Loads the header's account area in the browser only, after the page is interactive. */
import dynamic from "next/dynamic";
import { AccountPlaceholder } from "./account-placeholder.tsx";

export const HeaderAccount = dynamic(() => import("./account-area.tsx"), { ssr: false, loading: AccountPlaceholder });
