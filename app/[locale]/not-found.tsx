/** For notFound() raised by a layout (an unknown locale segment); pages render NotFoundView instead. */
import { NotFoundView } from "@/components/feedback/not-found-view.tsx";

export default function NotFound() {
  return <NotFoundView />;
}
