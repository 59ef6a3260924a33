/** UI primitives shared by every page. See docs/design.md for the tokens they use. */
export { Button, LinkButton, Spinner, buttonClasses, type ButtonProps, type ButtonVariant, type ButtonSize } from "./button.tsx";
export { Input, Select, TextField, SelectField, inputClasses, textAreaClasses, type TextFieldProps, type SelectFieldProps } from "./input.tsx";
export { CountedTextArea } from "./counted-text-area.tsx";
export { Card, CardTitle, CardDescription } from "./card.tsx";
export { PageContainer } from "./page-container.tsx";
export { StatusMessage } from "./status-message.tsx";
export { cx } from "./cx.ts";
