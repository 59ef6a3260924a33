"use client";
/** The staff list and the search by email that grants or removes the moderator role (staff.*). */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc.ts";
import { Button, Card, StatusMessage, TextField } from "@/components/ui/index.ts";
import { cx } from "@/components/ui/cx.ts";
import { fieldErrorsOf, formErrorOf } from "@/components/moderation/form-errors.ts";
import type { StaffMember } from "@/server/api/routers/staff/schemas.ts";

export function StaffAdmin({ initial, selfId }: { initial: StaffMember[]; selfId: string }) {
  const t = useTranslations("moderation.staff");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useQuery({ ...trpc.staff.list.queryOptions(), initialData: { staff: initial }, staleTime: 5_000 });
  const setRole = useMutation(trpc.staff.setRole.mutationOptions());
  const [email, setEmail] = useState("");
  const [found, setFound] = useState<StaffMember[] | null>(null);
  const [searchError, setSearchError] = useState<string | undefined>();
  const [status, setStatus] = useState<{ tone: "success" | "error"; message: string } | null>(null);

  async function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSearchError(undefined);
    try {
      setFound((await queryClient.fetchQuery({ ...trpc.staff.find.queryOptions({ email }), staleTime: 0 })).users);
    } catch (caught) {
      setFound(null);
      setSearchError(fieldErrorsOf(caught).email ?? formErrorOf(caught, t("noResults")) ?? undefined);
    }
  }

  async function change(member: StaffMember, role: "USER" | "MODERATOR") {
    setStatus(null);
    const name = member.name ?? member.email ?? t("noName");
    try {
      const saved = await setRole.mutateAsync({ userId: member.id, role });
      setFound((list) => list?.map((m) => (m.id === saved.id ? saved : m)) ?? null);
      await staff.refetch();
      setStatus({ tone: "success", message: t(role === "MODERATOR" ? "granted" : "revoked", { name }) });
    } catch (caught) {
      setStatus({ tone: "error", message: formErrorOf(caught, t("noResults")) ?? t("noResults") });
    }
  }

  const row = (member: StaffMember) => <MemberRow key={member.id} member={member} self={member.id === selfId} onChange={change} pending={setRole.isPending} />;

  return (
    <div className="flex flex-col gap-6">
      <StatusMessage tone={status?.tone ?? "info"}>{status?.message}</StatusMessage>
      <Card className="sm:p-7">
        <h2 className="text-lg font-semibold text-fg">{t("search")}</h2>
        <form onSubmit={onSearch} noValidate className="mt-3 flex flex-wrap items-start gap-3">
          <TextField id="staff-email" type="search" label={t("search")} hint={t("searchHint")} value={email} onChange={(e) => setEmail(e.target.value)} error={searchError} className="min-w-0 flex-1 [&>label]:sr-only" data-testid="staff-email" />
          <Button type="submit" variant="secondary">
            {t("searchSubmit")}
          </Button>
        </form>
        {found ? (
          found.length === 0 ? (
            <p className="mt-4 text-sm text-muted">{t("noResults")}</p>
          ) : (
            <>
              <h3 className="mt-5 text-sm font-medium text-muted">{t("results")}</h3>
              <ul className="mt-2 divide-y divide-line border-y border-line" data-testid="staff-results">
                {found.map(row)}
              </ul>
            </>
          )
        ) : null}
      </Card>
      <Card className="sm:p-7">
        <h2 className="text-lg font-semibold text-fg">{t("list")}</h2>
        <ul className="mt-3 divide-y divide-line border-y border-line" data-testid="staff-list">
          {staff.data.staff.map(row)}
        </ul>
        {staff.data.staff.every((m) => m.role !== "MODERATOR") ? <p className="mt-3 text-sm text-muted">{t("empty")}</p> : null}
      </Card>
    </div>
  );
}

function MemberRow({ member, self, onChange, pending }: { member: StaffMember; self: boolean; onChange: (m: StaffMember, role: "USER" | "MODERATOR") => void; pending: boolean }) {
  const t = useTranslations("moderation.staff");
  const format = useFormatter();
  const name = member.name ?? member.email ?? t("noName");
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-medium break-words text-fg">
          {member.name ?? t("noName")} {self ? <span className="text-sm font-normal text-muted">{t("you")}</span> : null}
        </p>
        <p className="text-sm break-all text-muted">
          {member.email} · {t("joined", { date: format.dateTime(member.createdAt, { dateStyle: "medium" }) })}
        </p>
      </div>
      <span className={cx("rounded-full border px-2.5 py-0.5 text-xs font-medium", member.role === "USER" ? "border-line text-muted" : "border-accent/40 bg-accent-soft text-fg")}>
        {t(`role.${member.role}`)}
      </span>
      {member.role === "ADMIN" || self ? null : member.role === "MODERATOR" ? (
        <Button size="sm" variant="danger" disabled={pending} aria-label={t("removeModeratorOf", { name })} onClick={() => onChange(member, "USER")}>
          {t("removeModerator")}
        </Button>
      ) : (
        <Button size="sm" variant="secondary" disabled={pending} aria-label={t("makeModeratorOf", { name })} onClick={() => onChange(member, "MODERATOR")}>
          {t("makeModerator")}
        </Button>
      )}
    </li>
  );
}
